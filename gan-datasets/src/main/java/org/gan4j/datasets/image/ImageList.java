package org.gan4j.datasets.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.gan4j.core.data.EpochOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image files of one folder and the bad-file policy. With skipBad, a bad file at some position is
 * replaced by other files of the folder drawn from (seed, epoch, position), so the result does not depend
 * on which thread found the file bad first.
 */
final class ImageList {
    private static final Logger LOG = LoggerFactory.getLogger(ImageList.class);
    private static final int MAX_TRIES = 64;

    private final Path dir;
    private final List<Path> files;
    private final LoadOptions load;
    private final Map<Path, String> bad;

    ImageList(Path dir, LoadOptions load, Map<Path, String> sharedBad) {
        this.dir = dir;
        this.files = ImageFiles.list(dir);
        this.load = load;
        Decoder.requireAvailable(load.jpegDecoder());
        this.bad = sharedBad;
    }

    static Map<Path, String> newBadMap() {
        return new ConcurrentHashMap<>();
    }

    List<Path> files() {
        return files;
    }

    int size() {
        return files.size();
    }

    Pixels decode(Path file) {
        return Decoder.decode(file, load.jpegDecoder(), load.exifOrientation());
    }

    /**
     * Loads file {@code index} and makes an item of it with {@code make}; a {@link BadImageException} from
     * either step fails, or with skipBad picks another file.
     */
    <T> T load(int index, long seed, int epoch, long position, int stream, Function<Path, T> make) {
        Path file = files.get(index);
        SplittableRandom alt = null;
        for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
            if (!bad.containsKey(file)) {
                try {
                    return make.apply(file);
                } catch (BadImageException e) {
                    if (!load.skipBad()) {
                        throw e;
                    }
                    if (bad.putIfAbsent(file, e.problem()) == null) {
                        LOG.warn("skipping bad image: {}", e.getMessage());
                    }
                }
            }
            if (alt == null) {
                alt = EpochOrder.random(seed, epoch, position, ImageDataset.REPLACE + 16 * stream);
            }
            file = files.get(alt.nextInt(files.size()));
        }
        throw new DatasetException(dir, "too many bad images: " + bad.size() + " skipped so far",
                "run 'gan data check' on the dataset and remove the bad files");
    }
}
