import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Builds LineOne's app image and installers for the OS it runs on, with the JDK's own tools only, so the same
 * program serves Linux, Windows and macOS. {@code mvn -Pinstaller package} runs it after the jar is built:
 *
 * <ol>
 *   <li>jdeps finds the JDK modules the jar and its libraries use;</li>
 *   <li>jlink makes a runtime of those modules plus JavaFX, taken as modules from Maven's platform jars (so the
 *       installed app runs JavaFX as the supported named modules, and the runtime's class-data archive can be
 *       made), with a base CDS archive;</li>
 *   <li>jpackage makes the app image {@code target/installer/LineOne} around that runtime;</li>
 *   <li>a training run starts the image's own launcher on a fresh data folder (first launch: the demo is seeded)
 *       with {@code -XX:DumpLoadedClassList}; the console leaves by itself once its merchants table is ready, and
 *       the runtime's class-data archive is made again from that list (every JDK and JavaFX class of a start);</li>
 *   <li>jpackage wraps the image into this OS's installers ({@code .deb}, and {@code .rpm} where rpmbuild exists;
 *       {@code .msi}; {@code .dmg});</li>
 *   <li>on Linux, the image's archive is made once more with the app's own classes too, for the image where it
 *       lies ({@code linux/make-class-archive.sh}, which the {@code .deb}'s postinst runs again for the installed
 *       copy: JDK 17 ties such an archive to the jars' absolute paths and times).</li>
 * </ol>
 *
 * Usage: {@code java packaging/BuildInstaller.java TARGET_DIR VERSION [TYPE,...]} (a type {@code none} stops after
 * the app image).
 */
public final class BuildInstaller {

    /**
     * Not found by jdeps, needed all the same: TLS with EC keys, Chinese locale data and charsets, jars as files; and
     * flight recordings of an installed console.
     */
    private static final List<String> ALWAYS = List.of("java.xml", "java.scripting", "jdk.unsupported",
            "jdk.crypto.ec", "jdk.localedata", "jdk.charsets", "jdk.zipfs", "java.logging", "java.desktop", "jdk.jfr");
    private static final List<String> JAVAFX = List.of("javafx.base", "javafx.graphics", "javafx.controls",
            "javafx.fxml");

    private final Path target;
    private final Path packaging;
    private final String version;
    private final Path work;
    private final Path out;
    private final Os os = Os.current();

    private BuildInstaller(Path target, Path packaging, String version) {
        this.target = target;
        this.packaging = packaging;
        // jpackage takes one to three dot-separated numbers.
        this.version = version.replaceAll("[^0-9.].*$", "");
        this.work = target.resolve("installer-work");
        this.out = target.resolve("installer");
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java packaging/BuildInstaller.java TARGET_DIR VERSION [TYPE,...]");
            System.exit(2);
        }
        Path packaging = Path.of(System.getProperty("lineone.packaging", "packaging")).toAbsolutePath();
        BuildInstaller build = new BuildInstaller(Path.of(args[0]).toAbsolutePath(), packaging, args[1]);
        List<String> types = args.length > 2 ? Arrays.asList(args[2].split(",")) : build.os.defaultTypes();
        build.run(types);
    }

    private void run(List<String> types) throws Exception {
        long started = System.nanoTime();
        deleteRecursively(work);
        deleteRecursively(out);
        Files.createDirectories(work);
        Path input = work.resolve("input");
        Path javafx = work.resolve("javafx");
        Files.createDirectories(input);
        Files.createDirectories(javafx);
        splitInputs(input, javafx);

        Set<String> modules = new TreeSet<>(jdkModulesUsed(input));
        modules.addAll(ALWAYS);
        modules.addAll(JAVAFX);
        say("runtime modules: " + String.join(",", modules));
        Path runtime = work.resolve("runtime");
        tool("jlink", "--module-path", javafx.toString(), "--add-modules", String.join(",", modules),
                "--include-locales=en,zh", "--strip-debug", "--no-man-pages", "--no-header-files",
                "--generate-cds-archive", "--output", runtime.toString());
        // Only for heaps over 32 GB: 10 MB a console never uses.
        Files.deleteIfExists(runtime.resolve("lib/server/classes_nocoops.jsa"));

        List<String> image = new ArrayList<>(List.of("--type", "app-image", "--dest", out.toString(),
                "--input", input.toString(), "--runtime-image", runtime.toString(), "--app-version", version,
                "--icon", icon().toString(),
                "--java-options", "-Dfile.encoding=UTF-8",
                // The class-data archive mapped where it was made instead of moved and patched at every start, which
                // costs 0.2 s for the app's 75 MB archive; the JVM still moves it when that address is taken.
                "--java-options", "-XX:+UnlockDiagnosticVMOptions", "--java-options", "-XX:ArchiveRelocationMode=0"));
        image.add(0, "@" + packaging.resolve("common.args"));
        if (os == Os.MAC) {
            image.add("@" + packaging.resolve("macos/jpackage.args"));
        }
        tool("jpackage", image.toArray(String[]::new));
        Path app = out.resolve(os.imageName());
        if (os == Os.LINUX) {
            replaceLinuxLauncher(app);
        }
        say("app image: " + app);

        Path classList = train(app);
        if (classList != null) {
            useArchive(app, classList);
            if (os == Os.LINUX) {
                // What the installed copy needs to make its own archive of the app's classes too.
                Path appDir = app.resolve("lib/app");
                Files.copy(classList, appDir.resolve("classes.lst"));
                Path script = appDir.resolve("make-class-archive.sh");
                Files.copy(packaging.resolve("linux/make-class-archive.sh"), script);
                script.toFile().setExecutable(true, false);
            }
        }
        for (String type : types) {
            if (!type.isBlank() && !type.equals("none")) {
                packageImage(app, type.strip());
            }
        }
        if (classList != null && os == Os.LINUX) {
            // After the packages, which carry the archive that is valid anywhere: this one is for the image's path.
            Process archive = new ProcessBuilder("sh", app.resolve("lib/app/make-class-archive.sh").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("app-archive.log").toFile()).start();
            if (!archive.waitFor(5, TimeUnit.MINUTES)) {
                archive.destroyForcibly();
            }
            say(Files.readString(work.resolve("app-archive.log")).strip());
        }
        say("done in " + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s: " + listing(out));
    }

    /** The jar and its libraries into {@code input}; JavaFX's platform jars (the modules) into {@code javafx}. */
    private void splitInputs(Path input, Path javafx) throws IOException {
        Path jar = target.resolve("lineone.jar");
        Files.copy(jar, input.resolve("lineone.jar"));
        String classPath;
        try (JarFile file = new JarFile(jar.toFile())) {
            classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
        }
        // The manifest names exactly this build's runtime libraries; target/lib may hold older ones too.
        for (String entry : classPath.trim().split("\\s+")) {
            Path library = target.resolve(entry);
            String name = library.getFileName().toString();
            if (name.startsWith("javafx-")) {
                // The platform jar (javafx-graphics-21.0.12-linux.jar) is the module; the plain one is empty.
                if (name.matches("javafx-[a-z]+-[0-9.]+-.+\\.jar")) {
                    Files.copy(library, javafx.resolve(name));
                }
            } else {
                Files.copy(library, input.resolve(name));
            }
        }
    }

    /**
     * The JDK modules the code uses, by jdeps over every class of the jar and its libraries unpacked together
     * (as one class path: several libraries are modules that name others jdeps would insist on resolving).
     */
    private Set<String> jdkModulesUsed(Path input) throws IOException {
        Path classes = work.resolve("classes");
        try (Stream<Path> jars = Files.list(input)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                unpackClasses(jar, classes);
            }
        }
        String found = tool("jdeps", "--ignore-missing-deps", "--print-module-deps", "--multi-release", "17",
                classes.toString()).strip();
        deleteRecursively(classes);
        Set<String> modules = new LinkedHashSet<>();
        for (String module : found.lines().reduce((a, b) -> b).orElse("").split(",")) {
            if (!module.isBlank()) {
                modules.add(module.strip());
            }
        }
        return modules;
    }

    private static void unpackClasses(Path jar, Path into) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                    continue;
                }
                Path to = into.resolve(name);
                Files.createDirectories(to.getParent());
                try (var in = file.getInputStream(entry)) {
                    Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Puts {@code linux/LineOne.sh} in place of jpackage's launcher, with the options, class path and main class of
     * the launcher's {@code LineOne.cfg}, which stays for the packages and {@code make-class-archive.sh}. jpackage's
     * own launcher asks rpm and dpkg which package owns it at every launch, before Java starts.
     */
    private void replaceLinuxLauncher(Path app) throws IOException {
        Path appDir = app.resolve("lib/app");
        List<String> options = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        String mainClass = null;
        for (String line : Files.readAllLines(appDir.resolve("LineOne.cfg"))) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String value = line.substring(equals + 1);
            switch (line.substring(0, equals)) {
                // Each option one word to the shell, quoted; $APPDIR is the script's $app, in double quotes.
                case "java-options" -> options.add("'" + value.replace("'", "'\\''")
                        .replace("$APPDIR", "'\"$app\"'") + "'");
                case "app.classpath" -> classPath.add(value.replace("$APPDIR", "$app"));
                case "app.mainclass" -> mainClass = value;
                default -> { }
            }
        }
        if (mainClass == null || classPath.isEmpty()) {
            throw new IllegalStateException("no main class or class path in " + appDir.resolve("LineOne.cfg"));
        }
        String script = Files.readString(packaging.resolve("linux/LineOne.sh"))
                .replace("@JAVA_OPTIONS@", String.join(" ", options))
                .replace("@CLASS_PATH@", String.join(":", classPath))
                .replace("@MAIN_CLASS@", mainClass);
        Path launcher = app.resolve("bin/LineOne");
        Files.writeString(launcher, script);
        launcher.toFile().setExecutable(true, false);
        // Only jpackage's launcher loads it.
        Files.delete(app.resolve("lib/libapplauncher.so"));
        say("launcher: " + launcher + " (a shell script: no package-manager lookup at start)");
    }

    /**
     * Starts the image's launcher once, as a person would on a first launch, and returns the list of the classes it
     * loaded, or null when there was no display to start it on (the image then keeps jlink's plain archive).
     */
    private Path train(Path app) throws IOException, InterruptedException {
        Path classList = work.resolve("classes.lst");
        Path home = work.resolve("training-home");
        List<String> command = new ArrayList<>();
        if (os == Os.LINUX && isBlank(System.getenv("DISPLAY"))) {
            if (!onPath("xvfb-run")) {
                say("no DISPLAY and no xvfb-run: no training run, the runtime keeps jlink's class-data archive");
                return null;
            }
            command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"));
        }
        command.add(app.resolve(os.launcher()).toString());
        ProcessBuilder training = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("training.log").toFile());
        training.environment().put("LINEONE_HOME", home.toString());
        training.environment().put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + classList
                + " -Dlineone.training=true" + (os == Os.LINUX ? " -Dprism.order=sw" : ""));
        say("training run: " + String.join(" ", command));
        Process process = training.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            say("the training run did not finish: the runtime keeps jlink's class-data archive (see "
                    + work.resolve("training.log") + ")");
            return null;
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(classList) || Files.size(classList) == 0) {
            say("the training run failed (exit " + process.exitValue() + "; see " + work.resolve("training.log")
                    + "): the runtime keeps jlink's class-data archive");
            return null;
        }
        return classList;
    }

    /**
     * Replaces the runtime's default class-data archive by one of every JDK and JavaFX class the training run
     * loaded. Its default place ({@code lib/server/classes.jsa}) needs no launcher option, and an archive of the
     * runtime's own classes stays valid wherever the app is installed: JDK 17 ties an archive of class-path classes
     * to the absolute path of every jar (a .deb installs under /opt, a user unpacks an image anywhere), and a
     * mismatch there turns class sharing off altogether.
     */
    private void useArchive(Path app, Path classList) throws IOException, InterruptedException {
        Path runtime;
        try (Stream<Path> files = Files.walk(app)) {
            runtime = files.filter(p -> p.endsWith(Path.of("lib", "server"))).findFirst().orElseThrow()
                    .getParent().getParent();
        }
        Path java = runtime.resolve(os == Os.WINDOWS ? "bin/java.exe" : "bin/java");
        Path archive = os == Os.WINDOWS ? runtime.resolve("bin/server/classes.jsa")
                : runtime.resolve("lib/server/classes.jsa");
        Process dump = new ProcessBuilder(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                .redirectErrorStream(true).redirectOutput(work.resolve("dump.log").toFile()).start();
        if (!dump.waitFor(5, TimeUnit.MINUTES) || dump.exitValue() != 0) {
            throw new IllegalStateException("the class-data dump failed: see " + work.resolve("dump.log"));
        }
        long classes;
        try (Stream<String> lines = Files.lines(classList)) {
            classes = lines.filter(l -> !l.startsWith("#")).count();
        }
        say("class-data archive " + archive + ": " + Files.size(archive) / 1024 / 1024 + " MB (of the "
                + classes + " classes the training run loaded, the JDK's and JavaFX's)");
    }

    private void packageImage(Path app, String type) throws IOException {
        if (type.equals("rpm") && !onPath("rpmbuild")) {
            say("no rpmbuild here: no .rpm");
            return;
        }
        // The app image holds the jar and the runtime already: a package needs only its own name and looks.
        List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", app.toString(),
                "--dest", out.toString(), "--name", "LineOne", "--vendor", "LineOne", "--app-version", version,
                "--description", "Merchants, live issues and SLAs for a marketplace's dedicated-line account managers",
                "--icon", icon().toString()));
        switch (os) {
            case LINUX -> args.addAll(List.of("@" + packaging.resolve("linux/jpackage.args"),
                    "--resource-dir", packaging.resolve("linux").toString()));
            case WINDOWS -> args.add("@" + packaging.resolve("windows/jpackage.args"));
            case MAC -> args.add("@" + packaging.resolve("macos/jpackage.args"));
        }
        tool("jpackage", args.toArray(String[]::new));
    }

    private Path icon() {
        return packaging.resolve(switch (os) {
            case LINUX -> "linux/LineOne.png";
            case WINDOWS -> "windows/LineOne.ico";
            case MAC -> "macos/LineOne.icns";
        });
    }

    /** Runs a JDK tool in this JVM and returns what it printed; fails the build when it fails. */
    private static String tool(String name, String... args) {
        ToolProvider provider = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException(name + " is not in this JDK (a JDK 17 or newer is)"));
        say(name + " " + String.join(" ", args));
        var text = new java.io.StringWriter();
        var writer = new java.io.PrintWriter(text, true);
        int code = provider.run(writer, writer, args);
        if (code != 0) {
            System.out.println(text);
            throw new IllegalStateException(name + " failed with exit code " + code);
        }
        return text.toString();
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    private static String listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return String.join(", ", files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void say(String line) {
        System.out.println("[installer] " + line);
    }

    private enum Os {
        LINUX, WINDOWS, MAC;

        static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return name.contains("win") ? WINDOWS : name.contains("mac") ? MAC : LINUX;
        }

        List<String> defaultTypes() {
            return switch (this) {
                case LINUX -> List.of("deb", "rpm");
                case WINDOWS -> List.of("msi");
                case MAC -> List.of("dmg");
            };
        }

        String imageName() {
            return this == MAC ? "LineOne.app" : "LineOne";
        }

        String launcher() {
            return switch (this) {
                case LINUX -> "bin/LineOne";
                case WINDOWS -> "LineOne.exe";
                case MAC -> "Contents/MacOS/LineOne";
            };
        }
    }
}
