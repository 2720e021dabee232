package org.zhsz.archive;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import java.util.Map;

/**
 * QR codes for the dossier's verification URL.
 * OpenPDF 2.0.5 has no QR barcode, so ZXing computes the module matrix.
 */
final class QrCodes {

    /** Modules of white border; the standard asks for 4, the cell padding adds the rest. */
    private static final int QUIET_ZONE = 2;

    /**
     * A fixed mask pattern: choosing the best of eight scores every mask and was ~8% of a dossier's render time.
     * Readers take the mask from the code's format bits, so any mask decodes; tests scan the rendered page.
     */
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.QR_MASK_PATTERN, 2);

    private QrCodes() {
    }

    /**
     * The code for {@code content} as a 1-bit image, one pixel per module, scaled to {@code size} points
     * (a few hundred bytes; drawn without interpolation, so edges stay sharp, as iText's own QR barcode does).
     */
    static Image image(String content, float size) {
        ByteMatrix matrix = matrix(content);
        int modules = matrix.getWidth() + 2 * QUIET_ZONE;
        int rowBytes = (modules + 7) / 8;
        byte[] bits = new byte[rowBytes * modules];
        java.util.Arrays.fill(bits, (byte) 0xFF); // DeviceGray, 1 bit: 1 is white
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    int px = x + QUIET_ZONE;
                    int i = (y + QUIET_ZONE) * rowBytes + px / 8;
                    bits[i] &= (byte) ~(0x80 >>> (px % 8));
                }
            }
        }
        try {
            Image image = Image.getInstance(modules, modules, 1, 1, bits);
            image.setInterpolation(false);
            image.scaleAbsolute(size, size);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }

    static ByteMatrix matrix(String content) {
        try {
            QRCode code = Encoder.encode(content, ErrorCorrectionLevel.M, HINTS);
            return code.getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR code: " + content, e);
        }
    }
}
