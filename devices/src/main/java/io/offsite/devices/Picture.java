package io.offsite.devices;

import io.offsite.core.InvalidValueException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One picture part of a multipart alert body: its bytes (a JPEG as the camera sent it, not decoded) and the names
 * that tie it to the XML ({@link IsapiMessage#pictureFor(AnprPicture)}). The bytes are copied in and out, so a
 * {@code Picture} is immutable.
 *
 * @param partIndex   index (0-based) of the part in the body
 * @param name        the {@code name} of the part's {@code Content-Disposition} ({@code licensePlatePicture.jpg}),
 *                    {@code ""} when the part had none
 * @param fileName    the {@code filename} of the {@code Content-Disposition}, when sent
 * @param contentId   the part's {@code Content-ID} without angle brackets, when sent
 * @param contentType the part's media type, lower case, without parameters ({@code image/jpeg})
 * @param bytes       the part's body
 */
public record Picture(int partIndex, String name, Optional<String> fileName, Optional<String> contentId,
        String contentType, byte[] bytes) {
    public Picture {
        if (partIndex < 0) {
            throw new InvalidValueException("partIndex must be >= 0, was " + partIndex);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(contentType, "contentType");
        bytes = bytes.clone();
    }

    /** A copy of the picture's bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Number of bytes. */
    public int size() {
        return bytes.length;
    }

    /** Whether any of this part's names ({@code name}, {@code filename}, {@code Content-ID}) equals {@code id}. */
    public boolean isNamed(String id) {
        return name.equals(id) || fileName.filter(id::equals).isPresent() || contentId.filter(id::equals).isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Picture p && partIndex == p.partIndex && name.equals(p.name) && fileName.equals(p.fileName)
                && contentId.equals(p.contentId) && contentType.equals(p.contentType) && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partIndex, name, fileName, contentId, contentType) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Picture[part " + partIndex + ", " + name + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}
