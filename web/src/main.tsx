/**
 * The web app's entry: the catalogs, the session, the routes. Pages load when first opened.
 */
import 'vazirmatn/Vazirmatn-Variable-font-face.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App';
import { startFirstReads } from './app/first-reads';
import { startI18n } from './i18n';
import { SessionProvider } from './shared/session';

startI18n();
startFirstReads(window.location);
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </StrictMode>,
  );
