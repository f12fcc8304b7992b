package dev.reelscribe.frames.probe;

/**
 * What a file's header says about its video stream, before any frame is counted.
 *
 * @param container container name from {@link ContainerInspector}
 * @param codec FourCC of the video stream, lower-case and trimmed (e.g. "avc1", "xvid", "cvid")
 * @param claimedFrameCount frame count stated by the container; often wrong
 */
public record StreamInfo(
    String container, String codec, int width, int height, double fps, long claimedFrameCount) {}
