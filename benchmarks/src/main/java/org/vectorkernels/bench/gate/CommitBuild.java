package org.vectorkernels.bench.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The library jar of one commit, built in a scratch tree of its own ({@code git archive} of that
 * commit, so the work tree and the index are never touched) and kept by commit id, since a
 * commit's source does not change.
 *
 * @param repo    the repository
 * @param cache   where built jars are kept, one folder per commit
 * @param command the build, run in the scratch tree; it leaves the jar in {@code target/}
 */
record CommitBuild(Path repo, Path cache, List<String> command) {
    CommitBuild {
        repo = repo.toAbsolutePath();
        cache = cache == null ? null : cache.toAbsolutePath(); // git runs in the repository, not here
    }

    /** The library's own build, without compiling or running tests, with the repository's Maven wrapper. */
    static CommitBuild maven(Path repo, Path cache) {
        return new CommitBuild(repo, cache, List.of(repo.resolve("mvnw").toString(), "-q", "-B", "package",
                "-Dmaven.test.skip=true", "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true"));
    }

    /** The top folder of the git work tree that holds {@code dir}. */
    static Path toplevel(Path dir) {
        Result r = new CommitBuild(dir, null, List.of()).git("rev-parse", "--show-toplevel");
        if (r.status() != 0) {
            throw GateException.usage(dir.toAbsolutePath() + " is not in a git work tree: " + r.output().trim());
        }
        return Path.of(r.output().trim());
    }

    /** The full commit id of {@code ref}; {@link GateException#NO_BASE} when this clone does not have it. */
    String resolve(String ref, String role) {
        Result r = git("rev-parse", "--verify", "--quiet", ref + "^{commit}");
        if (r.status() == 0) {
            return r.output().trim();
        }
        boolean shallow = git("rev-parse", "--is-shallow-repository").output().trim().equals("true");
        throw new GateException(GateException.NO_BASE, "the " + role + " " + ref + " is not a commit in this clone"
                + (shallow ? ", which is shallow: fetch the full history (git fetch --unshallow)" : ""));
    }

    /** The jar of commit {@code sha}, built now unless kept from an earlier run; {@code failure}: the exit status if it does not build. */
    Path jar(String sha, String role, int failure) throws IOException {
        Path dir = cache.resolve(sha), jar = dir.resolve("vector-kernels.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path tree = dir.resolve("tree"), tar = dir.resolve("source.tar"), log = dir.resolve("build.log");
        deleteTree(tree);
        Files.createDirectories(tree);
        Result archive = git("archive", "--format=tar", "-o", tar.toString(), sha);
        if (archive.status() != 0) {
            throw new GateException(failure, "cannot export the " + role + " " + sha + ": " + archive.output().trim());
        }
        run(tree, log, List.of("tar", "-xf", tar.toString()), failure, role, sha);
        System.out.println("perf-gate: building the " + role + " " + sha.substring(0, 10) + " in " + tree);
        run(tree, log, command, failure, role, sha);
        Path built;
        try (Stream<Path> files = Files.list(tree.resolve("target"))) {
            built = files.filter(p -> p.getFileName().toString().matches("vector-kernels-.*\\.jar")
                    && !p.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar")).findFirst().orElse(null);
        } catch (IOException e) {
            built = null;
        }
        if (built == null) {
            throw new GateException(failure, "the " + role + " " + sha + " built no target/vector-kernels-*.jar");
        }
        Files.copy(built, jar, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(tar);
        deleteTree(tree);
        return jar;
    }

    private void run(Path dir, Path log, List<String> cmd, int failure, String role, String sha) throws IOException {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (p.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            Files.writeString(log, e + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while building the " + role, e);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String tail = String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        throw new GateException(failure, "the " + role + " " + sha + " does not build (" + String.join(" ", cmd)
                + "); the end of " + log + ":\n  " + tail);
    }

    record Result(int status, String output) {}

    Result git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
