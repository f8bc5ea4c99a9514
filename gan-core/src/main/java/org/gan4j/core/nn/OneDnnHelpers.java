package org.gan4j.core.nn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import org.deeplearning4j.config.DL4JClassLoading;
import org.deeplearning4j.config.DL4JSystemProperties;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns on DL4J's oneDNN ("MKLDNN") layer helpers (convolution, batch norm, subsampling, LRN) on
 * the CPU backend, once per JVM, before gan4j networks are built.
 *
 * <p>DL4J 1.0.0-M2.1 keeps them off twice over:
 * <ol>
 * <li>{@code HelperUtils.createHelper} returns no helper unless the system property
 * {@value DL4JSystemProperties#DISABLE_HELPER_PROPERTY} is {@code false} (its default is
 * {@code true});</li>
 * <li>{@code BaseMKLDNNHelper.mklDnnEnabled()} (every helper's {@code checkSupported()}) asks
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} by reflection through
 * DL4J's class loader, but the M2.1 backend's class is
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}: the lookup fails and the check
 * answers "disabled" for good</li>
 * </ol>
 * (whose method is now {@code isUseONEDNN()}). This class asks the real environment whether the
 * native library uses oneDNN ({@code -onednn} classifiers); only if it does,
 * it sets the property to {@code false} and gives DL4J's class loader a child loader that defines a
 * two-method class under the old name (public static {@code getInstance()} returning null and
 * public static {@code isUseMKLDNN()} returning true; static, so the reflective call on a null
 * instance works). Every other class still comes from the original loader.
 *
 * <p>A user who sets {@value DL4JSystemProperties#DISABLE_HELPER_PROPERTY} explicitly (either value)
 * is left alone. Networks created before {@link #enable()} ran keep the helpers they were built with
 * until {@link Backend#configure(org.deeplearning4j.nn.api.Model)} re-creates them. The public entry is
 * {@link Backend}.
 */
final class OneDnnHelpers {
    private static final Logger log = LoggerFactory.getLogger(OneDnnHelpers.class);
    static final String OLD_ENVIRONMENT = "org.nd4j.nativeblas.Nd4jCpu$Environment";
    static final String REAL_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";
    private static boolean attempted;
    private static boolean enabled;

    private OneDnnHelpers() {}

    /**
     * Enables the helpers if the backend supports them and the user has not decided otherwise.
     * Idempotent and cheap after the first call.
     *
     * @return whether gan4j enabled them (false: not a oneDNN CPU build, or the user chose)
     */
    static synchronized boolean enable() {
        if (attempted) {
            return enabled;
        }
        attempted = true;
        String explicit = System.getProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY);
        if (explicit != null) {
            log.debug("{}={} set explicitly; leaving DL4J's layer helpers as chosen",
                    DL4JSystemProperties.DISABLE_HELPER_PROPERTY, explicit);
            return false;
        }
        try {
            String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend");
            if (!"CPU".equalsIgnoreCase(backend) || !Nd4j.getEnvironment().helpersAllowed() || !nativeUsesOneDnn()) {
                log.debug("oneDNN layer helpers not enabled (backend {}, not a oneDNN build or helpers disallowed)", backend);
                return false;
            }
            ClassLoader parent = DL4JClassLoading.getDl4jClassloader();
            if (!canLoad(OLD_ENVIRONMENT, parent)) {
                DL4JClassLoading.setDl4jClassloader(new AliasLoader(parent));
            }
            System.setProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY, "false");
            enabled = true;
            log.debug("DL4J oneDNN layer helpers enabled");
        } catch (RuntimeException | LinkageError e) {
            log.warn("could not enable DL4J's oneDNN layer helpers; continuing without them", e);
        }
        return enabled;
    }

    /** Whether {@link #enable()} switched the helpers on. */
    static synchronized boolean enabled() {
        return enabled;
    }

    private static boolean nativeUsesOneDnn() {
        try {
            Class<?> c = Class.forName(REAL_ENVIRONMENT, true, OneDnnHelpers.class.getClassLoader());
            Object env = c.getMethod("getInstance").invoke(null);
            Method m = c.getMethod("isUseONEDNN");
            return (boolean) m.invoke(env);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    private static boolean canLoad(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Parent-first loader that additionally defines {@link #OLD_ENVIRONMENT}. */
    static final class AliasLoader extends ClassLoader {
        AliasLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!OLD_ENVIRONMENT.equals(name)) {
                throw new ClassNotFoundException(name);
            }
            byte[] b = environmentClass();
            return defineClass(name, b, 0, b.length);
        }
    }

    /**
     * Class file (version 49, no stack maps needed) of
     * {@code public final class Nd4jCpu$Environment { public static Object getInstance() { return null; }
     * public static boolean isUseMKLDNN() { return true; } }} in package {@code org.nd4j.nativeblas}.
     */
    static byte[] environmentClass() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(49);
            String[] utf8 = {OLD_ENVIRONMENT.replace('.', '/'), "java/lang/Object", "getInstance", "()Ljava/lang/Object;",
                "isUseMKLDNN", "()Z", "Code"};
            // pool: 1 this-name, 2 Class(1), 3 Object-name, 4 Class(3), 5..9 method names/descriptors and "Code"
            out.writeShort(10);
            out.writeByte(1);
            out.writeUTF(utf8[0]);
            out.writeByte(7);
            out.writeShort(1);
            out.writeByte(1);
            out.writeUTF(utf8[1]);
            out.writeByte(7);
            out.writeShort(3);
            for (int i = 2; i < utf8.length; i++) {
                out.writeByte(1);
                out.writeUTF(utf8[i]);
            }
            out.writeShort(0x0001 | 0x0010 | 0x0020); // public final super
            out.writeShort(2);
            out.writeShort(4);
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
            out.writeShort(2); // methods
            method(out, 5, 6, new byte[] {0x01, (byte) 0xb0}); // aconst_null; areturn
            method(out, 7, 8, new byte[] {0x04, (byte) 0xac}); // iconst_1; ireturn
            out.writeShort(0); // class attributes
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void method(DataOutputStream out, int name, int descriptor, byte[] code) throws IOException {
        out.writeShort(0x0001 | 0x0008); // public static
        out.writeShort(name);
        out.writeShort(descriptor);
        out.writeShort(1);
        out.writeShort(9); // "Code"
        out.writeInt(12 + code.length);
        out.writeShort(1); // max stack
        out.writeShort(0); // max locals
        out.writeInt(code.length);
        out.write(code);
        out.writeShort(0); // exception table
        out.writeShort(0); // attributes
    }
}
