import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recording's CPU time went: java Hot RECORDING.jfr [TOP [FRAME]]. Prints the methods most often on top of the
 * stack in execution samples (self time), and the gateway's own methods most often anywhere on the stack (total
 * time), each as a share of all samples. With FRAME (part of a method's name, such as ConsentsResource.accounts), it
 * prints instead the calls below that method as a tree, each with its share of all samples (from 1 %), reflection and
 * lambda frames left out.
 */
public class Hot {
    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        if (args.length > 2) {
            tree(Path.of(args[0]), args[2], top);
            return;
        }
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            frames.stream().map(Hot::name).filter(n -> n.startsWith("io.consentgateway")).distinct()
                    .forEach(n -> total.merge(n, 1, Integer::sum));
        }
        System.out.printf("%s: %d execution samples%n%nself (top of stack)%n", args[0], samples);
        print(self, samples, top);
        System.out.printf("%ntotal, the gateway's own methods (anywhere on the stack)%n");
        print(total, samples, top);
    }

    static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }

    /** A call tree below the first frame (from the thread's start) whose name contains FRAME, to DEPTH levels. */
    static void tree(Path recording, String frame, int depth) throws Exception {
        Node root = new Node();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = new java.util.ArrayList<>(event.getStackTrace().getFrames());
            java.util.Collections.reverse(frames);
            int from = 0;
            while (from < frames.size() && !name(frames.get(from)).contains(frame)) {
                from++;
            }
            Node node = root;
            for (int i = from; i < frames.size(); i++) {
                String name = name(frames.get(i));
                if (!name.matches(".*(Lambda|GeneratedMethodAccessor|jdk\\.internal\\.reflect|java\\.lang\\.reflect).*")) {
                    node = node.children.computeIfAbsent(name, n -> new Node());
                    node.samples++;
                }
            }
        }
        System.out.printf("%s: %d execution samples; below %s:%n", recording, samples, frame);
        print(root, samples, depth, "");
    }

    static final class Node {
        int samples;
        final Map<String, Node> children = new HashMap<>();
    }

    static void print(Node node, int samples, int depth, String indent) {
        if (depth == 0) {
            return;
        }
        node.children.entrySet().stream().sorted((a, b) -> b.getValue().samples - a.getValue().samples)
                .filter(e -> e.getValue().samples * 100 >= samples)
                .forEach(e -> {
                    System.out.printf("%6.1f%%  %s%s%n", 100.0 * e.getValue().samples / samples, indent,
                            e.getKey().replaceAll("^([a-z0-9]+\\.)+", ""));
                    print(e.getValue(), samples, depth - 1, indent + "  ");
                });
    }
}
