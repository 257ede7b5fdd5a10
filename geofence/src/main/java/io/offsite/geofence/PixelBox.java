package io.offsite.geofence;

/**
 * A detection's bounding box in a camera image, in pixels (x right, y down).
 *
 * @param preset PTZ preset the camera was at (0 for fixed cameras)
 * @param x      left
 * @param y      top
 * @param width  width, &gt; 0
 * @param height height, &gt; 0
 */
public record PixelBox(int preset, double x, double y, double width, double height) {
    public PixelBox {
        if (preset < 0) {
            throw new GeofenceException("preset must be >= 0, was " + preset);
        }
        if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            throw new GeofenceException("pixel box needs finite x/y and positive width/height, was " + x + "," + y
                    + " " + width + "x" + height);
        }
    }

    /** X of the bottom-centre point (where a vehicle or person touches the ground). */
    public double bottomCentreX() {
        return x + width / 2;
    }

    /** Y of the bottom-centre point. */
    public double bottomCentreY() {
        return y + height;
    }
}
