package io.consentgateway.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs stay true to the tree: every relative link in a Markdown file of the repository leads to a file or folder
 * that exists, and every repository path a Markdown file names in backticks ({@code bench/crash-loop.sh},
 * {@code domain/.../consent/Consent.java}) exists too — except build output ({@code …/target/…}), which a clean checkout
 * does not have yet. A rename that forgets the docs fails the build here.
 */
class MarkdownLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE = Pattern.compile("`([^`\\s]+)`");
    /** The top-level folders a path in backticks must start with to be taken for a repository path. */
    private static final Set<String> TOP = Set.of("domain", "application", "adapters-persistence", "adapters-kit",
            "adapters-nrich", "adapters-bank", "adapters-rest", "adapters-webhooks", "sandbox", "bootstrap", "docs", "bench",
            ".ci");
    /** {@code application/json}, {@code application/problem+json}: a media type, not the application module. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("application/(?:[a-z0-9-]+\\+[a-z]+|[a-z0-9-]+)");
    private static final Set<String> SKIPPED_DIRS = Set.of("target", ".git", "node_modules", ".mvn", ".idea");

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root (where mvnw is)").isNotNull();
        return dir;
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                return SKIPPED_DIRS.contains(dir.getFileName().toString()) && !dir.equals(root)
                        ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                if (file.toString().endsWith(".md")) {
                    files.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    @Test
    void everyRelativeLinkLeadsToAFileThatExists() throws IOException {
        Path root = root();
        List<String> broken = new ArrayList<>();
        List<Path> files = markdownFiles(root);
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                    continue; // a URL (https:, mailto:) or an anchor in the same file
                }
                String path = target.replaceAll("[#?].*$", "");
                if (!path.isEmpty() && !Files.exists(file.getParent().resolve(path).normalize())) {
                    broken.add(root.relativize(file) + " -> " + target);
                }
            }
        }
        assertThat(files).as("Markdown files found").hasSizeGreaterThan(10);
        assertThat(broken).as("relative links to nothing").isEmpty();
    }

    @Test
    void everyRepositoryPathNamedInBackticksExists() throws IOException {
        Path root = root();
        List<String> missing = new ArrayList<>();
        for (Path file : markdownFiles(root)) {
            boolean inFence = false;
            for (String line : Files.readAllLines(file)) {
                if (line.strip().startsWith("```")) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue; // commands and listings, not references
                }
                Matcher code = CODE.matcher(line);
                while (code.find()) {
                    String candidate = code.group(1).replaceAll("[#:].*$", "").replaceAll("[.,;/]$", "");
                    int slash = candidate.indexOf('/');
                    if (slash < 0 || !TOP.contains(candidate.substring(0, slash)) || candidate.matches(".*[*<>{}$…|].*")
                            || MEDIA_TYPE.matcher(candidate).matches() || candidate.contains("/target/")
                            || candidate.endsWith("/target")) {
                        continue;
                    }
                    if (!exists(root, candidate)) {
                        missing.add(root.relativize(file) + ": " + candidate);
                    }
                }
            }
        }
        assertThat(missing).as("repository paths named in the docs that do not exist").isEmpty();
    }

    /** A path, where {@code /.../} stands for any folders in between (as the docs abbreviate package paths). */
    private static boolean exists(Path root, String path) {
        if (!path.contains("/.../")) {
            return Files.exists(root.resolve(path));
        }
        Pattern pattern = Pattern.compile(java.util.Arrays.stream(path.split("/\\.\\.\\./", -1))
                .map(Pattern::quote).collect(java.util.stream.Collectors.joining("/(?:.+/)?")));
        try (Stream<Path> all = Files.walk(root.resolve(path.substring(0, path.indexOf('/'))))) {
            return all.map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(relative -> !relative.contains("/target/"))
                    .anyMatch(relative -> pattern.matcher(relative).matches());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
