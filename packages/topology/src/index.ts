export * from './traffic/index';
