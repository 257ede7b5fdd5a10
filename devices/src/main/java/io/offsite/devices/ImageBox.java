package io.offsite.devices;

import io.offsite.core.InvalidValueException;
import java.util.Objects;

/**
 * A rectangle in a camera image as the device reported it, x right and y down from the top-left corner, in the
 * {@link Unit} the device used: ISAPI {@code TargetRect} carries fractions of the image (0..1), other boxes
 * ({@code plateRect}) and region coordinates use the normalised 0..1000 grid. {@link #inPixels(int, int)} turns
 * either into pixels of a picture of known size (what a pixel fence needs).
 *
 * @param x      left edge, &ge; 0
 * @param y      top edge, &ge; 0
 * @param width  width, &gt; 0
 * @param height height, &gt; 0
 * @param unit   the unit of all four numbers
 */
public record ImageBox(double x, double y, double width, double height, Unit unit) {
    /** Unit of an {@link ImageBox}'s numbers. */
    public enum Unit {
        /** Fractions of the image width/height: the box lies within 0..1. */
        FRACTION,
        /** Thousandths of the image width/height (ISAPI's normalised 0..1000 grid). */
        PER_MILLE,
        /** Pixels of one particular picture. */
        PIXELS
    }

    public ImageBox {
        Objects.requireNonNull(unit, "unit");
        if (!(x >= 0 && y >= 0 && width > 0 && height > 0) || !Double.isFinite(x + y + width + height)) {
            throw new InvalidValueException("image box needs finite x, y >= 0 and width, height > 0, was "
                    + x + "," + y + " " + width + "x" + height + " " + unit);
        }
    }

    /**
     * This box in pixels of a {@code imageWidth} x {@code imageHeight} picture (the box itself when already in
     * pixels).
     *
     * @throws InvalidValueException when a size is not positive
     */
    public ImageBox inPixels(int imageWidth, int imageHeight) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new InvalidValueException("image size must be positive, was " + imageWidth + "x" + imageHeight);
        }
        if (unit == Unit.PIXELS) {
            return this;
        }
        double scale = unit == Unit.PER_MILLE ? 1.0 / 1000 : 1;
        return new ImageBox(x * scale * imageWidth, y * scale * imageHeight, width * scale * imageWidth,
                height * scale * imageHeight, Unit.PIXELS);
    }
}
