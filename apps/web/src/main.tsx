import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { captureTokenFromHash } from './demo/apiClient';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { applyTheme, initialTheme } from './theme/useTheme';
import './styles.css';

// Theme first, so the page never flashes the wrong colours.
applyTheme(initialTheme());
captureTokenFromHash();

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ErrorBoundary name="Meshlens" resetKey="app">
          <App />
        </ErrorBoundary>
      </QueryClientProvider>
    </StrictMode>,
  );
}
