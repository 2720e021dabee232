package org.zhsz.archive;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.Map;

/**
 * QR codes drawn as vector rectangles (sharp at any zoom or print resolution, a few hundred bytes).
 * OpenPDF 2.0.5 has no QR barcode, so ZXing computes the module matrix.
 */
final class QrCodes {

    /** Modules of white border; the standard asks for 4, the cell padding adds the rest. */
    private static final int QUIET_ZONE = 2;

    private QrCodes() {
    }

    /** The code for {@code content} as an image of {@code size} × {@code size} points. */
    static Image image(PdfContentByte canvas, String content, float size) {
        ByteMatrix matrix = matrix(content);
        int modules = matrix.getWidth() + 2 * QUIET_ZONE;
        float unit = size / modules;
        PdfTemplate template = canvas.createTemplate(size, size);
        template.setColorFill(Color.BLACK);
        // one rectangle per horizontal run of dark modules; PDF's y axis points up
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (matrix.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                    x++;
                }
                template.rectangle((start + QUIET_ZONE) * unit, size - (y + 1 + QUIET_ZONE) * unit,
                        (x - start) * unit, unit);
            }
        }
        template.fill();
        try {
            return Image.getInstance(template);
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    static ByteMatrix matrix(String content) {
        try {
            QRCode code = Encoder.encode(content, ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
            return code.getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR code: " + content, e);
        }
    }
}
