package tempered.model;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The weights an ONNX file stores: the name, element type and shape of every initializer, read from the file's
 * protobuf encoding as a stream, so that a 655 MB model is read without holding its weights in memory.
 *
 * <p>It reads {@code ModelProto.graph.initializer} (field 7, then field 5) and the initializers of the graphs
 * nested in node attributes (an {@code If} node's branches, as in merged decoders). For each {@code TensorProto}
 * it keeps {@code dims} (field 1), {@code data_type} (field 2), {@code name} (field 8) and whether the numbers
 * live in an external data file ({@code data_location}, field 14, or {@code external_data}, field 13); the
 * numbers themselves ({@code raw_data} and the typed data fields) are skipped. Of each {@code NodeProto} it keeps the
 * operator ({@code op_type}, field 4) and the names it reads ({@code input}, field 1), to tell which weights a step
 * reads in full ({@link #bytesReadPerToken}). It leaves out sparse initializers and the constants that
 * {@code Constant} nodes carry.
 *
 * <pre>{@code
 * OnnxWeights weights = OnnxWeights.read(Path.of("onnx/decoder_model_merged.onnx"));
 * weights.elements();                       // every number the file stores in initializers
 * weights.withElements(50257L * 768);       // the tensors of exactly that size: GPT-2's token embedding
 * }</pre>
 *
 * @see <a href="https://protobuf.dev/programming-guides/encoding/">Protocol Buffers: encoding</a>
 * @see <a href="https://github.com/onnx/onnx/blob/main/onnx/onnx.proto">onnx.proto</a>
 */
public final class OnnxWeights {
    /** {@code TensorProto.DataType.FLOAT}. */
    public static final int FLOAT = 1;

    /** One stored tensor: its name, the graph that holds it, its element type, shape and where its numbers are. */
    public record Tensor(String name, String graph, int dataType, long[] dims, boolean external) {
        public Tensor {
            dims = dims.clone();
        }

        @Override
        public long[] dims() {
            return dims.clone();
        }

        /** How many numbers it holds: the product of its dims (1 for a scalar). */
        public long elements() {
            long count = 1;
            for (long dim : dims) {
                count *= dim;
            }
            return count;
        }

        @Override
        public String toString() {
            return name + " " + Arrays.toString(dims);
        }
    }

    private final Path file;
    private final List<Tensor> tensors;
    private final Set<String> dataFiles;
    private final Map<String, Set<String>> readers;

    private OnnxWeights(Path file, List<Tensor> tensors, Set<String> dataFiles, Map<String, Set<String>> readers) {
        this.file = file;
        this.tensors = List.copyOf(tensors);
        this.dataFiles = Set.copyOf(dataFiles);
        Map<String, Set<String>> copied = new HashMap<>();
        readers.forEach((name, operators) -> copied.put(name, Set.copyOf(operators)));
        this.readers = Map.copyOf(copied);
    }

    /**
     * Reads the initializers of an .onnx file.
     *
     * @throws IllegalArgumentException when the file is not an ONNX model (its protobuf encoding breaks off or is not one)
     */
    public static OnnxWeights read(Path file) {
        Reader reader = new Reader(file);
        try (reader) {
            long end = Files.size(file);
            boolean graph = false;
            while (reader.position < end) {
                long tag = reader.varint();
                if (tag >>> 3 == 7 && (tag & 7) == 2) {
                    reader.graph(reader.end());
                    graph = true;
                } else {
                    reader.skip(tag);
                }
            }
            reader.expect(reader.position == end);
            if (!graph) {
                throw reader.broken("no graph");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        return new OnnxWeights(file, reader.tensors, reader.dataFiles, reader.readers);
    }

    public Path file() {
        return file;
    }

    /** Every initializer, those of nested graphs included. */
    public List<Tensor> tensors() {
        return tensors;
    }

    /**
     * The external data files its tensors name, as written in the file: paths relative to the .onnx file's folder
     * ({@code model.onnx_data}); empty when every weight is inside it.
     */
    public Set<String> dataFiles() {
        return dataFiles;
    }

    /** How many numbers all initializers hold together. */
    public long elements() {
        return tensors.stream().mapToLong(Tensor::elements).sum();
    }

    /** The initializers that hold exactly {@code count} numbers, whatever their shape. */
    public List<Tensor> withElements(long count) {
        return tensors.stream().filter(t -> t.elements() == count).toList();
    }

    /** The operators of the nodes that read {@code name} (a tensor, or any other value), in every graph of the file. */
    public Set<String> readers(String name) {
        return readers.getOrDefault(name, Set.of());
    }

    /**
     * The bytes of a tensor's numbers: its elements times the size of its element type, half a byte for the 4-bit
     * types ({@code TensorProto.DataType}: float 4, int8 and uint8 1, float16 2, int64 8, ...).
     */
    public static long bytes(Tensor tensor) {
        return switch (tensor.dataType()) {
            case 2, 3, 9 -> tensor.elements();
            case 4, 5, 10, 16 -> 2 * tensor.elements();
            case 7, 11, 13 -> 8 * tensor.elements();
            case 21, 22 -> (tensor.elements() + 1) / 2;
            default -> 4 * tensor.elements();
        };
    }

    /**
     * The weight bytes one decoding step reads, for one sequence: every stored tensor in full, except a table that
     * only {@code Gather} nodes read (an embedding looked up by token id or position), of which a step reads one row.
     * It is what batch-1 decoding must stream from memory for each token, so memory bandwidth divided by it bounds
     * the speed. It leaves out the cache (keys and values), activations, and what ONNX Runtime does to weights at load
     * (a tied output layer's transposed view becomes a copy of the same size, which this counts once).
     */
    public long bytesReadPerToken() {
        long total = 0;
        for (Tensor tensor : tensors) {
            Set<String> by = readers(tensor.name());
            long[] dims = tensor.dims();
            boolean lookedUp = !by.isEmpty() && by.equals(Set.of("Gather")) && dims.length == 2 && dims[0] > 0;
            total += lookedUp ? bytes(tensor) / dims[0] : bytes(tensor);
        }
        return total;
    }

    /** The bytes on disk: the .onnx file and every external data file its tensors name. */
    public long fileBytes() {
        try {
            long bytes = Files.size(file);
            for (String location : dataFiles) {
                bytes += Files.size(file.resolveSibling(location));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure " + file + " and its data files: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s: %,d initializers holding %,d numbers",
                file.getFileName(),
                tensors.size(),
                elements());
    }

    /** Protobuf's wire format over a buffered stream, counting the bytes it has consumed. */
    private static final class Reader implements AutoCloseable {
        private static final int VARINT = 0;
        private static final int FIXED64 = 1;
        private static final int LENGTH = 2;
        private static final int FIXED32 = 5;

        private final Path file;
        private final InputStream in;
        private final List<Tensor> tensors = new ArrayList<>();
        private final Set<String> dataFiles = new LinkedHashSet<>();
        private final Map<String, Set<String>> readers = new HashMap<>();
        private long position;

        Reader(Path file) {
            this.file = file;
            try {
                // A FileInputStream skips by seeking, so the weights between the headers are never read.
                this.in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException("could not open " + file + ": " + e.getMessage(), e);
            }
        }

        /** A GraphProto ending at {@code end}: its name (2), initializers (5) and nodes (1), which may hold graphs. */
        void graph(long end) throws IOException {
            String name = "";
            List<Tensor> found = new ArrayList<>();
            while (position < end) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                if (field == 2 && (tag & 7) == LENGTH) {
                    name = string();
                } else if (field == 5 && (tag & 7) == LENGTH) {
                    found.add(tensor(end()));
                } else if (field == 1 && (tag & 7) == LENGTH) {
                    node(end());
                } else {
                    skip(tag);
                }
            }
            expect(position == end);
            for (Tensor tensor : found) {
                tensors.add(new Tensor(tensor.name(), name, tensor.dataType(), tensor.dims(), tensor.external()));
            }
        }

        /** A NodeProto: its inputs (1), operator (4) and attributes (5), for the graphs they may hold. */
        private void node(long end) throws IOException {
            List<String> inputs = new ArrayList<>();
            String operator = "";
            while (position < end) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                if (field == 1 && (tag & 7) == LENGTH) {
                    inputs.add(string());
                } else if (field == 4 && (tag & 7) == LENGTH) {
                    operator = string();
                } else if (field == 5 && (tag & 7) == LENGTH) {
                    attribute(end());
                } else {
                    skip(tag);
                }
            }
            expect(position == end);
            for (String input : inputs) {
                readers.computeIfAbsent(input, k -> new TreeSet<>()).add(operator);
            }
        }

        /** An AttributeProto: a graph (6) or graphs (11), as control-flow nodes carry their branches. */
        private void attribute(long end) throws IOException {
            while (position < end) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                if ((field == 6 || field == 11) && (tag & 7) == LENGTH) {
                    graph(end());
                } else {
                    skip(tag);
                }
            }
            expect(position == end);
        }

        /** A TensorProto: dims (1, packed or not), data_type (2), name (8), external data (13, 14); the numbers are skipped. */
        private Tensor tensor(long end) throws IOException {
            List<Long> dims = new ArrayList<>();
            int dataType = 0;
            String name = "";
            boolean external = false;
            while (position < end) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                int type = (int) (tag & 7);
                if (field == 1 && type == VARINT) {
                    dims.add(varint());
                } else if (field == 1 && type == LENGTH) {
                    long packedEnd = end();
                    while (position < packedEnd) {
                        dims.add(varint());
                    }
                    expect(position == packedEnd);
                } else if (field == 2 && type == VARINT) {
                    dataType = (int) varint();
                } else if (field == 8 && type == LENGTH) {
                    name = string();
                } else if (field == 13 && type == LENGTH) {
                    external = true;
                    externalEntry(end());
                } else if (field == 14 && type == VARINT) {
                    external |= varint() == 1;
                } else {
                    skip(tag);
                }
            }
            expect(position == end);
            return new Tensor(
                    name, "", dataType, dims.stream().mapToLong(Long::longValue).toArray(), external);
        }

        /** A StringStringEntryProto of external_data: key (1) and value (2); the "location" names a data file. */
        private void externalEntry(long end) throws IOException {
            String key = "";
            String value = "";
            while (position < end) {
                long tag = varint();
                if (tag >>> 3 == 1 && (tag & 7) == LENGTH) {
                    key = string();
                } else if (tag >>> 3 == 2 && (tag & 7) == LENGTH) {
                    value = string();
                } else {
                    skip(tag);
                }
            }
            expect(position == end);
            if (key.equals("location")) {
                dataFiles.add(value);
            }
        }

        /** Skips the value of a field whose tag was just read. */
        void skip(long tag) throws IOException {
            switch ((int) (tag & 7)) {
                case VARINT -> varint();
                case FIXED64 -> bytes(8);
                case LENGTH -> bytes(length());
                case FIXED32 -> bytes(4);
                default -> throw broken("wire type " + (tag & 7) + " at byte " + position);
            }
        }

        long varint() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = in.read();
                if (b < 0) {
                    throw broken("the file ends inside a number at byte " + position);
                }
                position++;
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw broken("a number longer than ten bytes at byte " + position);
        }

        /** Reads a length and returns where the value it announces ends. */
        long end() throws IOException {
            long length = length();
            return position + length;
        }

        private long length() throws IOException {
            long length = varint();
            if (length < 0) {
                throw broken("a negative length at byte " + position);
            }
            return length;
        }

        private String string() throws IOException {
            long length = length();
            if (length > 1 << 20) {
                throw broken("a name of " + length + " bytes at byte " + position);
            }
            byte[] bytes = new byte[(int) length];
            readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private void readFully(byte[] bytes) throws IOException {
            if (in.readNBytes(bytes, 0, bytes.length) < bytes.length) {
                throw broken("the file ends inside a name at byte " + position);
            }
            position += bytes.length;
        }

        private void bytes(long count) throws IOException {
            try {
                in.skipNBytes(count);
            } catch (EOFException e) {
                throw broken("the file ends " + count + " bytes after byte " + position + " was promised");
            }
            position += count;
        }

        void expect(boolean consistent) {
            if (!consistent) {
                throw broken("a message runs past its end at byte " + position);
            }
        }

        IllegalArgumentException broken(String detail) {
            return new IllegalArgumentException(file + " is not a readable ONNX model (" + detail
                    + "); if it is GPT-2, delete it and fetch it again with: " + ModelFolder.DOWNLOAD_COMMAND);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
