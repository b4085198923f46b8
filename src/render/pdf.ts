/** SVG → vector PDF with pdfkit and svg-to-pdfkit, one page the size of the figure, the same bundled fonts. */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { fontFiles, needsCjk } from './fonts.js';

export interface PdfOptions {
  /** Page width in pt (default: the SVG's width, 1 px = 1 pt). */
  width?: number;
}

function svgSize(svg: string): { w: number; h: number } {
  const m = /<svg\b[^>]*\bviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!m) throw new Error('svgToPdf: the SVG has no viewBox');
  return { w: Number(m[1]), h: Number(m[2]) };
}

export function svgToPdf(svg: string, o: PdfOptions = {}): Promise<Buffer> {
  const { w, h } = svgSize(svg);
  const pw = o.width ?? w;
  const ph = (h * pw) / w;
  const doc = new PDFDocument({ size: [pw, ph], margin: 0, autoFirstPage: true, compress: true, info: { Title: 'LLM Evolutionary Tree', Producer: 'llmtree', Creator: 'llmtree', CreationDate: new Date(0) } });
  const f = fontFiles();
  doc.registerFont('mono', f.mono);
  doc.registerFont('mono-bold', f.monoBold);
  const cjk = needsCjk(svg);
  if (cjk) doc.registerFont('cjk', f.cjk);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  SVGtoPDF(doc, svg, 0, 0, {
    width: pw,
    height: ph,
    assumePt: true,
    fontCallback: (family, bold) => (cjk && /Noto|Chinese/i.test(family) ? 'cjk' : bold ? 'mono-bold' : 'mono'),
    warningCallback: () => {},
  });
  doc.end();
  return done;
}
