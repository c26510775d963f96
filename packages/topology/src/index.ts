export * from './traffic/index';
export * from './config/index';
