package io.offsite.devices;

/** The size limits of one {@link IsapiParser}, checked while reading so an oversized body fails early. */
record Limits(long maxBodyBytes, int maxXmlBytes, int maxPictureBytes, int maxParts, int maxDepth, int maxElements) {
}
