package org.gan4j.examples.cli;

import java.nio.file.Path;
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
    @Option(names = "--decoder", defaultValue = "all", description = "twelvemonkeys, imageio or all (default ${DEFAULT-VALUE})") String decoder;
    @Option(names = "--workers", defaultValue = "1", description = "background threads (default ${DEFAULT-VALUE})") int workers;
    @Option(names = "--seconds", defaultValue = "5", description = "time per measurement (default ${DEFAULT-VALUE})") double seconds;

    public DataBenchCommand() {}

    @Override
    public Integer call() {
        List<JpegDecoder> decoders;
        switch (decoder.toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> decoders = List.of(JpegDecoder.values());
            case "twelvemonkeys" -> decoders = List.of(JpegDecoder.TWELVEMONKEYS);
            case "imageio" -> decoders = List.of(JpegDecoder.IMAGEIO);
            default -> {
                System.out.println("error: --decoder must be twelvemonkeys, imageio or all, got " + decoder);
                return 2;
            }
        }
        try {
            for (JpegDecoder d : decoders) {
                System.out.println(LoadBenchmark.run(layout, root, d, workers, seconds));
            }
            return 0;
        } catch (DatasetException | IllegalArgumentException e) {
            System.out.println("error: " + e.getMessage());
            return 1;
        }
    }
}
