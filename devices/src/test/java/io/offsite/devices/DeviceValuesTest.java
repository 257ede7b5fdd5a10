package io.offsite.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.offsite.core.InvalidValueException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The value records refuse what no device message can mean, and do not share mutable state. */
class DeviceValuesTest {
    @Test
    void imageBoxWithoutArea_isRefused() {
        assertThatThrownBy(() -> new ImageBox(10, 10, 0, 5, ImageBox.Unit.PIXELS))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("width, height > 0");
        assertThatThrownBy(() -> new ImageBox(-1, 10, 3, 5, ImageBox.Unit.PIXELS))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void perMilleBox_scalesToPixelsOfEachPicture() {
        ImageBox box = new ImageBox(500, 250, 100, 50, ImageBox.Unit.PER_MILLE);

        assertThat(box.inPixels(1920, 1080)).isEqualTo(new ImageBox(960, 270, 192, 54, ImageBox.Unit.PIXELS));
        assertThat(box.inPixels(1920, 1080).inPixels(10, 10)).isEqualTo(box.inPixels(1920, 1080));
        assertThatThrownBy(() -> box.inPixels(0, 1080)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void regionPointOffTheGrid_isRefused() {
        assertThatThrownBy(() -> new RegionPoint(1001, 0)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("1001");
        assertThat(new RegionPoint(1000, 0).xPerMille()).isEqualTo(1000);
    }

    @Test
    void pictureBytes_areCopiedInAndOut() {
        byte[] raw = {(byte) 0xff, (byte) 0xd8, 1, 2};
        Picture p = new Picture(1, "licensePlatePicture.jpg", Optional.empty(), Optional.empty(), "image/jpeg", raw);
        raw[2] = 9;
        p.bytes()[3] = 9;

        assertThat(p.bytes()).containsExactly(0xff, 0xd8, 1, 2);
        assertThat(p).isEqualTo(new Picture(1, "licensePlatePicture.jpg", Optional.empty(), Optional.empty(),
                "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2}));
    }

    @Test
    void exceptionMessage_namesWherePartAndOffset() {
        DeviceMessageException e = new DeviceMessageException("part[2]", 2, 4000, "truncated");

        assertThat(e.getMessage()).isEqualTo("part[2]: truncated (part 2, byte offset 4000)");
        assertThat(new DeviceMessageException("body", -1, 17, "x").getMessage()).isEqualTo("body: x (byte offset 17)");
        assertThat(new DeviceMessageException("Content-Type", -1, -1, "x").getMessage()).isEqualTo("Content-Type: x");
    }
}
