package io.authz.core.pip;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A small bounded cache whose entries expire a fixed time after they were put. When full, expired entries go
 * first, then arbitrary ones: good enough for lookups whose answers are cheap to fetch again.
 */
final class TtlCache<K, V> {

	private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	private final int maxSize;

	private final LongSupplier nanoTime;

	TtlCache(long ttlNanos, int maxSize, LongSupplier nanoTime) {
		this.ttlNanos = ttlNanos;
		this.maxSize = maxSize;
		this.nanoTime = nanoTime;
	}

	/** The cached entry, or {@code null} when there is none or it expired. */
	Entry<V> get(K key) {
		Entry<V> entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (this.nanoTime.getAsLong() - entry.expiresAt() >= 0) {
			this.entries.remove(key, entry);
			return null;
		}
		return entry;
	}

	void put(K key, V value) {
		if (this.maxSize <= 0) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		if (this.entries.size() >= this.maxSize) {
			this.entries.values().removeIf((entry) -> now - entry.expiresAt() >= 0);
			Iterator<K> keys = this.entries.keySet().iterator();
			while (this.entries.size() >= this.maxSize && keys.hasNext()) {
				keys.next();
				keys.remove();
			}
		}
		this.entries.put(key, new Entry<>(value, now + this.ttlNanos));
	}

	int size() {
		return this.entries.size();
	}

	Map<K, Entry<V>> asMap() {
		return this.entries;
	}

	/** A cached value, which may be {@code null} (the provider knew nothing). */
	record Entry<V>(V value, long expiresAt) {
	}

}
