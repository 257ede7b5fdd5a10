package io.offsite.server;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import javax.imageio.ImageIO;

/**
 * Simulated dome-camera recordings: a small JPEG per request — a street-coloured frame with a plate-blue box whose
 * position and shade follow the camera, time and subject (no text: fonts are not guaranteed on a headless server).
 * Deterministic for one (camera, time, subject); what it shows is recorded in the item's metadata.
 */
final class SimulatedCameras implements CameraSnapshots {
    @Override
    public Snapshot fetch(String cameraId, Instant at, String subject) {
        BufferedImage img = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(40, 44, 52));
            g.fillRect(0, 0, 320, 180);
            int h = (cameraId + '|' + at + '|' + subject).hashCode();
            g.setColor(new Color(30, 90, 150 + (h & 0x3f)));
            g.fillRect(60 + ((h >>> 8) & 0x3f), 100 + ((h >>> 16) & 0x1f), 120, 36);
            g.setColor(Color.WHITE);
            g.fillRect(8, 8, 4 + (int) (at.getEpochSecond() % 300), 6);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot(out.toByteArray(), "image/jpeg");
    }
}
