package org.gan4j.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.gan4j.datasets.image.DatasetException;
import org.gan4j.datasets.image.JpegDecoder;
import org.gan4j.datasets.image.tools.LoadBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gan bench data}: images/s decoded and augmented (resize 286, crop 256, flip) per decoder. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Measure image loading speed (decode + resize 286 + crop 256 + flip + tensor).")
public class DataBenchCommand implements Callable<Integer> {
    @Option(names = "--layout", required = true, description = "paired, unpaired or folder") String layout;
    @Option(names = "--root", required = true, description = "dataset root") Path root;
    @Option(names = "--decoder", defaultValue = "all", description = "twelvemonkeys, imageio, opencv or all (default ${DEFAULT-VALUE}); "
            + "opencv needs the optional OpenCV jars, which the gan launcher ships") String decoder;
    @Option(names = "--workers", converter = NumericOptions.Positive.class, defaultValue = "1", description = "background threads (default ${DEFAULT-VALUE})") int workers;
    @Option(names = "--decode-only", description = "read and decode only, on one thread (images/s per core at 256x256)") boolean decodeOnly;
    @Option(names = "--rounds", converter = NumericOptions.Positive.class, defaultValue = "1", description = "repeat the decoder list this many times, alternating the order (default ${DEFAULT-VALUE})") int rounds;
    @Option(names = "--seconds", converter = NumericOptions.PositiveReal.class, defaultValue = "5", description = "time per measurement (default ${DEFAULT-VALUE})") double seconds;

    public DataBenchCommand() {}

    @Override
    public Integer call() {
        List<JpegDecoder> decoders;
        switch (decoder.toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> decoders = List.of(JpegDecoder.values());
            case "twelvemonkeys" -> decoders = List.of(JpegDecoder.TWELVEMONKEYS);
            case "imageio" -> decoders = List.of(JpegDecoder.IMAGEIO);
            case "opencv" -> decoders = List.of(JpegDecoder.OPENCV);
            default -> {
                System.out.println("error: --decoder must be twelvemonkeys, imageio, opencv or all, got " + decoder);
                return 2;
            }
        }
        try {
            for (int r = 0; r < rounds; r++) {
                List<JpegDecoder> order = new ArrayList<>(decoders);
                if (r % 2 == 1) {
                    Collections.reverse(order);
                }
                for (JpegDecoder d : order) {
                    System.out.println(decodeOnly ? LoadBenchmark.decodeOnly(layout, root, d, seconds)
                            : LoadBenchmark.run(layout, root, d, workers, seconds));
                }
            }
            return 0;
        } catch (DatasetException | IllegalArgumentException | IllegalStateException e) {
            System.out.println("error: " + e.getMessage());
            return 1;
        }
    }
}
