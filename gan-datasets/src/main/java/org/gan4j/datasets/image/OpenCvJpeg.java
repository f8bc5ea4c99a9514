package org.gan4j.datasets.image;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * JPEG decoding with libjpeg-turbo through OpenCV's JavaCPP presets ({@code imdecode}), for
 * {@link JpegDecoder#OPENCV}. The presets are an optional dependency of gan-datasets: this class is only
 * loaded when that decoder is chosen, and {@link #check()} turns a missing jar into a clear error.
 *
 * <p>Decoding keeps the file's colour type (gray stays one channel, colour and CMYK become RGB) and ignores
 * the EXIF orientation, which {@link Decoder} applies itself as for the other decoders. A JPEG that
 * libjpeg-turbo refuses returns null, and {@link Decoder} then hands it to TwelveMonkeys, which either reads
 * it or names the problem.
 */
final class OpenCvJpeg {
    private static final int FLAGS = opencv_imgcodecs.IMREAD_ANYCOLOR | opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;

    private OpenCvJpeg() {}

    /** Loads the native libraries once; an error names the missing artifacts. */
    static void check() {
        Holder.check();
    }

    private static final class Holder {
        private static final String ERROR = load();

        private static String load() {
            try {
                Loader.load(opencv_imgcodecs.class);
                return null;
            } catch (LinkageError | RuntimeException e) {
                return e.toString();
            }
        }

        static void check() {
            if (ERROR != null) {
                throw new IllegalStateException("the OpenCV JPEG decoder cannot load OpenCV (" + ERROR + "); fix: "
                        + Decoder.FIX_OPENCV);
            }
        }
    }

    /** The pixels of a JPEG, or null if libjpeg-turbo cannot decode it; call {@link #check()} first. */
    static Pixels decode(byte[] bytes) {
        try (BytePointer data = new BytePointer(bytes);
                Mat buf = new Mat(1, bytes.length, opencv_core.CV_8UC1, data);
                Mat img = opencv_imgcodecs.imdecode(buf, FLAGS)) {
            if (img == null || img.empty() || img.depth() != opencv_core.CV_8U
                    || (img.channels() != 1 && img.channels() != 3) || !img.isContinuous()) {
                return null;
            }
            int w = img.cols();
            int h = img.rows();
            int c = img.channels();
            byte[] out = new byte[w * h * c];
            img.data().get(out);
            if (c == 3) {
                for (int i = 0; i < out.length; i += 3) {
                    byte b = out[i];
                    out[i] = out[i + 2];
                    out[i + 2] = b;
                }
            }
            return new Pixels(w, h, c, out);
        } catch (RuntimeException e) {
            // cv::Exception from a malformed header: let the reference decoder report it
            return null;
        }
    }
}
