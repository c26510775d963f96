import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | undefined;
}

/**
 * Catches a view's render error and shows it in place, so one broken view never blanks the page.
 * Changing `resetKey` (e.g. another dump or view) clears the error.
 */
export class ErrorBoundary extends Component<
  { name: string; resetKey: string; children: ReactNode },
  State & { key: string }
> {
  override state: State & { key: string } = { error: undefined, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: State & { key: string },
  ): Partial<State & { key: string }> | null {
    return props.resetKey !== state.key ? { error: undefined, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Meshlens: the ${this.props.name} view failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    return (
      <div className="banner banner--error view-error" role="alert" data-testid="view-error">
        <div>
          <strong>The {this.props.name} view failed.</strong> <span>{error.message}</span>
          <div className="muted">The other views and open dumps still work.</div>
        </div>
        <button type="button" className="btn" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
