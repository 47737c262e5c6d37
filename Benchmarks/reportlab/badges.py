#!/usr/bin/env python3
"""The reportlab stack pretix and Indico print badges with, on the same badges as `lanyard-bench badges`.

Reads a TSV of badges (family name, given name, organisation, category, QR text), draws each on a 4 x 3 inch page
(names, organisation, category band, QR code) into one PDF with DejaVu Sans embedded (reportlab's own Helvetica has
no Cyrillic or Greek), and prints the seconds it took as JSON. Run by `lanyard-bench badges` when python3-reportlab is
installed (apt-get install python3-reportlab).
"""
import json
import sys
import time

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas


def main(badges_path, pdf_path):
    with open(badges_path, encoding="utf-8") as f:
        badges = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    start = time.perf_counter()
    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
    width, height = 4 * inch, 3 * inch
    pdf = canvas.Canvas(pdf_path, pagesize=(width, height))
    for family, given, organisation, category, code in badges:
        pdf.setFont("DejaVu-Bold", 26)
        pdf.drawString(0.2 * inch, height - 0.6 * inch, given)
        pdf.setFont("DejaVu-Bold", 20)
        pdf.drawString(0.2 * inch, height - 1.0 * inch, family.upper())
        pdf.setFont("DejaVu", 11)
        pdf.drawString(0.2 * inch, height - 1.35 * inch, organisation[:40])
        pdf.setFillColorRGB(0.1, 0.3, 0.6)
        pdf.rect(0, 0, width, 0.45 * inch, fill=1, stroke=0)
        pdf.setFillColorRGB(1, 1, 1)
        pdf.setFont("DejaVu-Bold", 14)
        pdf.drawString(0.2 * inch, 0.15 * inch, category)
        pdf.setFillColorRGB(0, 0, 0)
        qr = QrCodeWidget(code)
        left, bottom, right, top = qr.getBounds()
        side = 1.3 * inch
        drawing = Drawing(side, side, transform=[side / (right - left), 0, 0, side / (top - bottom), 0, 0])
        drawing.add(qr)
        renderPDF.draw(drawing, pdf, width - side - 0.15 * inch, 0.55 * inch)
        pdf.showPage()
    pdf.save()
    print(json.dumps({"badges": len(badges), "seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
