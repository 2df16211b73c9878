import { describe, expect, test } from 'vitest'
import { estimateDocumentPages } from './estimate-document-pages'

const base64 = (text: string) => Buffer.from(text, 'latin1').toString('base64')

describe('PDF page estimate', () => {
  test('counts /Type /Page objects, not the /Pages tree', () => {
    const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj\n3 0 obj << /Type /Page >> endobj\n4 0 obj <</Type/Page>> endobj\n5 0 obj << /Type  /Page /Parent 2 0 R >> endobj\n%%EOF'
    expect(estimateDocumentPages(base64(pdf))).toBe(3)
  })

  test('without visible page objects: one page per ~100 KB, at least one', () => {
    expect(estimateDocumentPages(base64('x'.repeat(300_000)))).toBe(3)
    expect(estimateDocumentPages(base64('%PDF-1.7 compressed'))).toBe(1)
  })
})
