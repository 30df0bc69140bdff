package tempered.notebook.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

/**
 * Runs each snippet as JJava's execution control does: on a thread of its own, whose context class loader is
 * the cells' loader, with a time limit, keeping each value as an object under a key (JShell itself only passes
 * strings back), so the executor sees images and HTML as the kernel's renderer does.
 *
 * <p>A snippet that runs from inside another one (the code of a {@code %load}) runs on the same thread,
 * within its caller's time. A snippet over the limit is interrupted and, if it does not stop within a
 * second, stopped with {@link Thread#stop()} (JDK 17, as JShell's own local execution does; later JDKs
 * refuse, and the thread is left to run as a daemon); JShell then reports an exception named
 * {@link #TIMED_OUT}.
 */
final class CellExecutionControl extends DirectExecutionControl {
    /** The exception class name of a snippet that ran too long; it has spaces so no class can have it. */
    static final String TIMED_OUT = "Execution Timeout";

    private static final AtomicLong THREADS = new AtomicLong();

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private final ClassLoader cells;
    private final Duration timeout;
    private final AtomicReference<Thread> cellThread = new AtomicReference<>();
    private ExecutorService executor;

    CellExecutionControl(CellLoader loader, Duration timeout) {
        super(loader);
        this.cells = loader.classLoader();
        this.timeout = timeout;
        this.executor = newExecutor();
    }

    Duration timeout() {
        return timeout;
    }

    private ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "notebook-cell-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(cells);
            cellThread.set(thread);
            return thread;
        });
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Object value = Thread.currentThread() == cellThread.get() ? doit.invoke(null) : onCellThread(doit);
        String key = "value-" + next.incrementAndGet();
        if (value != null) {
            values.put(key, value);
        }
        return key;
    }

    private Object onCellThread(Method doit) throws Exception {
        Future<Object> running = executor.submit(() -> doit.invoke(null));
        try {
            return timeout.isZero() ? running.get() : running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // As JJava's execution control: the cell's exception becomes a UserException of its own, without the
            // exception's causes (a snippet run from inside another one, by %load, keeps them: JShell converts it).
            Throwable cause =
                    e.getCause() instanceof InvocationTargetException invoked ? invoked.getCause() : e.getCause();
            if (cause == null) {
                throw new UserException("null", "Unknown Invocation Exception", e.getStackTrace());
            }
            if (cause instanceof SPIResolutionException unresolved) {
                throw new ResolutionException(unresolved.id(), unresolved.getStackTrace());
            }
            String name = cause instanceof UndefinedMagicException
                    ? UndefinedMagicException.KERNEL_NAME
                    : cause.getClass().getName();
            throw new UserException(String.valueOf(cause.getMessage()), name, cause.getStackTrace());
        } catch (TimeoutException e) {
            stop(running);
            throw new UserException(
                    "Execution timed out after " + timeout.toSeconds() + " seconds.",
                    TIMED_OUT,
                    new StackTraceElement[0]);
        }
    }

    @SuppressWarnings("deprecation")
    private void stop(Future<Object> running) throws InterruptedException {
        Thread thread = cellThread.get();
        running.cancel(true);
        executor.shutdownNow();
        if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
            try {
                thread.stop();
            } catch (UnsupportedOperationException e) {
                // JDK 20 and later: the daemon thread runs on; this executor's later cells get a new one.
            }
        }
        executor = newExecutor();
    }

    Object take(String key) {
        return values.remove(key);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        super.close();
    }
}
