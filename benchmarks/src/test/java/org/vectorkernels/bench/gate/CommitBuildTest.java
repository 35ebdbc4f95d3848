package org.vectorkernels.bench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building one commit's jar, on a tiny throwaway repository whose "build" is a shell line. */
class CommitBuildTest {
    @TempDir
    Path dir;
    Path repo;
    String first, second;

    @BeforeEach
    void repository() throws Exception {
        repo = dir.resolve("repo");
        Files.createDirectories(repo);
        sh(repo, "git init -q . && git config user.email t@t && git config user.name t"
                + " && echo one > source.txt && git add . && git commit -q -m one"
                + " && echo two > source.txt && git commit -q -am two");
        first = sh(repo, "git rev-parse HEAD~1").trim();
        second = sh(repo, "git rev-parse HEAD").trim();
        Files.writeString(repo.resolve("source.txt"), "uncommitted\n");
    }

    /** A build that copies the commit's source into the jar and counts its runs outside the tree. */
    private CommitBuild build(String extra) {
        return new CommitBuild(repo, dir.resolve("cache"), List.of("sh", "-c", "echo run >> ../../runs; " + extra
                + "mkdir -p target && cp source.txt target/vector-kernels-9.jar && touch target/vector-kernels-9-sources.jar"));
    }

    @Test
    void buildsTheCommitNotTheWorkTreeAndKeepsIt() throws Exception {
        CommitBuild b = build("");
        assertEquals(first, b.resolve("HEAD~1", "base"));
        Path jar = b.jar(first, "base", GateException.BASE_BUILD);
        assertEquals("one\n", Files.readString(jar));
        assertEquals("two\n", Files.readString(b.jar(second, "base", GateException.BASE_BUILD)));
        b.jar(first, "base", GateException.BASE_BUILD); // kept: not built again
        assertEquals(2, Files.readAllLines(dir.resolve("cache/runs")).size());
        assertTrue(Files.notExists(dir.resolve("cache").resolve(first).resolve("tree")), "the scratch tree is removed");
        assertEquals("uncommitted\n", Files.readString(repo.resolve("source.txt")), "the work tree is untouched");
        assertEquals(" M source.txt\n", sh(repo, "git status --porcelain"));
    }

    @Test
    void anUnknownRefIsNoBase() {
        GateException e = assertThrows(GateException.class, () -> build("").resolve("no-such-branch", "base"));
        assertEquals(GateException.NO_BASE, e.status);
        assertTrue(e.getMessage().contains("no-such-branch"), e.getMessage());
    }

    @Test
    void aShallowCloneWithoutTheBaseSaysSo() throws Exception {
        Path clone = dir.resolve("clone");
        sh(dir, "git clone -q --depth 1 file://" + repo + " " + clone);
        CommitBuild b = new CommitBuild(clone, dir.resolve("cache"), List.of("true"));
        GateException e = assertThrows(GateException.class, () -> b.resolve(first, "base"));
        assertEquals(GateException.NO_BASE, e.status);
        assertTrue(e.getMessage().contains("shallow") && e.getMessage().contains("git fetch --unshallow"), e.getMessage());
        assertEquals(second, b.resolve("HEAD", "base"));
    }

    @Test
    void aBaseThatDoesNotBuildIsNamedWithItsLog() {
        GateException e = assertThrows(GateException.class,
                () -> build("echo 'COMPILATION ERROR here' >&2; exit 3; ").jar(first, "base", GateException.BASE_BUILD));
        assertEquals(GateException.BASE_BUILD, e.status);
        assertTrue(e.getMessage().contains(first) && e.getMessage().contains("COMPILATION ERROR here"), e.getMessage());
    }

    @Test
    void aBuildWithoutAJarFails() {
        CommitBuild b = new CommitBuild(repo, dir.resolve("cache"), List.of("sh", "-c", "mkdir -p target"));
        GateException e = assertThrows(GateException.class, () -> b.jar(first, "candidate", GateException.CANDIDATE_BROKEN));
        assertEquals(GateException.CANDIDATE_BROKEN, e.status);
        assertTrue(e.getMessage().contains("built no target/vector-kernels-*.jar"), e.getMessage());
    }

    private static String sh(Path in, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed: " + out);
        }
        return out;
    }
}
