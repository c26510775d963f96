import { basename } from 'node:path';
import type { Page } from 'playwright-core';

/** The landing area: file input / drop zone, paste box and the demo button. */
export class UploadPage {
  constructor(readonly page: Page) {}

  /** Uploads a file from disk through the `<input type=file>`; returns the file's name. */
  async uploadFile(path: string): Promise<string> {
    await this.page.getByTestId('file-input').setInputFiles(path);
    return basename(path);
  }

  /** Uploads in-memory content as a file called `name`. */
  async uploadContent(name: string, content: string): Promise<string> {
    await this.page.getByTestId('file-input').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(content, 'utf8'),
    });
    return name;
  }

  /** Opens the paste box, pastes `text` and submits it. */
  async paste(text: string): Promise<void> {
    await this.page.getByTestId('paste-open').click();
    await this.page.getByTestId('paste-text').fill(text);
    await this.page.getByTestId('paste-submit').click();
  }

  /** Loads the generated Bookinfo demo dumps. */
  async tryDemo(): Promise<void> {
    await this.page.getByTestId('try-demo').click();
  }
}
