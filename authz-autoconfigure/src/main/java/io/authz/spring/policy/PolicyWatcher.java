package io.authz.spring.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.Assert;

/**
 * Watches a {@code file:} policy location and reloads the policies when they change
 * ({@code authz.local.watch=true}).
 * <p>
 * Changes are noticed two ways: file system events (a {@link WatchService} on every directory of the tree, which
 * on Linux reports a change within milliseconds), and, every poll interval, a comparison of the files' sizes and
 * modification times, for file systems whose events come late (the JDK's polling watch service on macOS checks
 * every ten seconds) or never (network and some container mounts). A burst of changes (an editor's save, a
 * {@code git checkout}, a Kubernetes ConfigMap swap) is let settle for the quiet period before one reload, on the
 * watcher's own thread, so that compilation never runs on a request thread. A change that leaves the files as
 * they were causes no reload.
 */
public final class PolicyWatcher implements SmartLifecycle {

	/** The default time a burst of changes must be quiet before the policies are reloaded. */
	public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(200);

	/** The default interval of the file comparison that catches changes the file system does not report. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(PolicyWatcher.class);

	// Never wait for quiet longer than this: files that change all the time must still be reloaded.
	private static final int MAX_QUIET_PERIODS = 10;

	private final PolicyReloader reloader;

	private final ResourceLoader resourceLoader;

	private final Duration quietPeriod;

	private final Duration pollInterval;

	private final boolean fileSystemEvents;

	private final Object monitor = new Object();

	private volatile boolean running;

	private @Nullable Thread thread;

	private @Nullable WatchService watchService;

	private @Nullable Path root;

	private Map<Path, FileState> snapshot = Map.of();

	/**
	 * Creates a watcher with the default quiet period and poll interval.
	 * @param reloader reloads the policies; its location is the one watched
	 * @param resourceLoader resolves the location to a directory
	 */
	public PolicyWatcher(PolicyReloader reloader, ResourceLoader resourceLoader) {
		this(reloader, resourceLoader, DEFAULT_QUIET_PERIOD, DEFAULT_POLL_INTERVAL);
	}

	/**
	 * Creates a watcher.
	 * @param reloader reloads the policies; its location is the one watched
	 * @param resourceLoader resolves the location to a directory
	 * @param quietPeriod how long a burst of changes must be quiet before the policies are reloaded
	 * @param pollInterval how often the files are compared, for changes the file system does not report
	 */
	public PolicyWatcher(PolicyReloader reloader, ResourceLoader resourceLoader, Duration quietPeriod,
			Duration pollInterval) {
		this(reloader, resourceLoader, quietPeriod, pollInterval, true);
	}

	PolicyWatcher(PolicyReloader reloader, ResourceLoader resourceLoader, Duration quietPeriod, Duration pollInterval,
			boolean fileSystemEvents) {
		Assert.notNull(reloader, "'reloader' must not be null");
		Assert.notNull(resourceLoader, "'resourceLoader' must not be null");
		Assert.isTrue(!quietPeriod.isNegative() && !quietPeriod.isZero(), "'quietPeriod' must be positive");
		Assert.isTrue(!pollInterval.isNegative() && !pollInterval.isZero(), "'pollInterval' must be positive");
		this.reloader = reloader;
		this.resourceLoader = resourceLoader;
		this.quietPeriod = quietPeriod;
		this.pollInterval = pollInterval;
		this.fileSystemEvents = fileSystemEvents;
	}

	/**
	 * The directory being watched.
	 * @return the directory, or {@code null} when the watcher is not running
	 */
	public @Nullable Path getDirectory() {
		return this.running ? this.root : null;
	}

	@Override
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			Path directory = directory();
			if (directory == null) {
				return;
			}
			this.root = directory;
			this.watchService = this.fileSystemEvents ? newWatchService(directory) : null;
			this.snapshot = snapshot(directory);
			this.running = true;
			Thread watcher = new Thread(this::watch, "authz-policy-watcher");
			watcher.setDaemon(true);
			this.thread = watcher;
			watcher.start();
			logger.info("Watching policies in '" + directory + "' for changes");
		}
	}

	@Override
	public void stop() {
		Thread watcher;
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			closeWatchService();
			watcher = this.thread;
			this.thread = null;
		}
		if (watcher != null && watcher != Thread.currentThread()) {
			watcher.interrupt();
			try {
				watcher.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private @Nullable Path directory() {
		if (!this.reloader.isSupported()) {
			logger.warn("authz.local.watch is on, but the engine does not load policies in the application: "
					+ "not watching");
			return null;
		}
		String location = this.reloader.getLocation();
		Resource resource = this.resourceLoader.getResource(location);
		if (!location.startsWith("file:") || !resource.isFile()) {
			logger.warn("authz.local.watch is on, but the policy location '" + location
					+ "' is not a 'file:' directory: not watching");
			return null;
		}
		try {
			return resource.getFile().toPath().toAbsolutePath();
		}
		catch (IOException ex) {
			logger.warn("authz.local.watch is on, but the policy location '" + location
					+ "' cannot be resolved to a directory: not watching", ex);
			return null;
		}
	}

	private @Nullable WatchService newWatchService(Path directory) {
		try {
			WatchService service = directory.getFileSystem().newWatchService();
			register(service, directory);
			return service;
		}
		catch (IOException | UnsupportedOperationException ex) {
			logger.info("File system events are not available for '" + directory + "' (" + ex
					+ "); comparing the policy files every " + this.pollInterval.toMillis() + " ms instead");
			return null;
		}
	}

	private void watch() {
		while (this.running) {
			try {
				if (awaitChange()) {
					reload();
				}
			}
			catch (InterruptedException | ClosedWatchServiceException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// Keep watching: a failure to read the tree now (a directory swapped away) can pass.
				logger.warn("Failed to check the policies in '" + this.root + "' for changes", ex);
				sleep(this.pollInterval);
			}
		}
	}

	/**
	 * Waits one poll interval for a change, then for the change to settle.
	 * @return whether something changed
	 */
	private boolean awaitChange() throws InterruptedException {
		WatchService service = this.watchService;
		WatchKey key = null;
		if (service != null) {
			key = service.poll(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
		}
		else {
			Thread.sleep(this.pollInterval.toMillis());
		}
		if (key != null) {
			handle(service, key);
			awaitQuiet(service);
			return true;
		}
		if (!this.running) {
			return false;
		}
		Map<Path, FileState> current = snapshot(root());
		if (current.equals(this.snapshot)) {
			return false;
		}
		// Changed without an event: let it settle until two comparisons a quiet period apart agree.
		for (int i = 0; i < MAX_QUIET_PERIODS; i++) {
			Thread.sleep(this.quietPeriod.toMillis());
			Map<Path, FileState> next = snapshot(root());
			if (next.equals(current)) {
				break;
			}
			current = next;
		}
		return true;
	}

	private void awaitQuiet(WatchService service) throws InterruptedException {
		for (int i = 0; i < MAX_QUIET_PERIODS; i++) {
			WatchKey key = service.poll(this.quietPeriod.toMillis(), TimeUnit.MILLISECONDS);
			if (key == null) {
				return;
			}
			handle(service, key);
		}
	}

	private void handle(WatchService service, WatchKey key) {
		Path directory = (Path) key.watchable();
		for (WatchEvent<?> event : key.pollEvents()) {
			// New directories are watched too; events for the files written into them may have been missed,
			// which the reload that follows makes up for, as it reads the whole tree.
			if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
				Path created = directory.resolve(name);
				if (Files.isDirectory(created)) {
					try {
						register(service, created);
					}
					catch (IOException ex) {
						logger.debug("Cannot watch new directory '" + created + "'", ex);
					}
				}
			}
		}
		key.reset();
	}

	private void reload() {
		this.snapshot = snapshot(root());
		this.reloader.reloadIfChanged(PolicyReloader.WATCH);
	}

	private Path root() {
		Path directory = this.root;
		Assert.state(directory != null, "Not started");
		return directory;
	}

	private static void register(WatchService service, Path directory) throws IOException {
		Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
				new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
							throws IOException {
						dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
								StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException ex) {
						return FileVisitResult.CONTINUE;
					}

				});
	}

	/** The size and modification time of every policy file below the directory. */
	private static Map<Path, FileState> snapshot(Path directory) {
		Map<Path, FileState> files = new HashMap<>();
		if (!Files.isDirectory(directory)) {
			return files;
		}
		try (Stream<Path> paths = Files.walk(directory, FileVisitOption.FOLLOW_LINKS)) {
			paths.filter(PolicyWatcher::isPolicyFile).forEach((path) -> {
				try {
					BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
					files.put(path, new FileState(attributes.size(), attributes.lastModifiedTime().toMillis()));
				}
				catch (IOException ex) {
					// Deleted while walking: it is absent from the snapshot, as it soon is from the directory.
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			logger.debug("Cannot list the policy files in '" + directory + "'", ex);
		}
		return files;
	}

	private static boolean isPolicyFile(Path path) {
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
				&& Files.isRegularFile(path);
	}

	private void closeWatchService() {
		WatchService service = this.watchService;
		this.watchService = null;
		if (service != null) {
			try {
				service.close();
			}
			catch (IOException ex) {
				logger.debug("Failed to close the policy watch service", ex);
			}
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record FileState(long size, long lastModified) {
	}

}
