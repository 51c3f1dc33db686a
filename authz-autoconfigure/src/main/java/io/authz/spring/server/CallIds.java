package io.authz.spring.server;

import java.security.SecureRandom;

/**
 * Ids for PDP calls, as Cerbos gives them ({@code cerbosCallId}): ULIDs, 26 characters of Crockford base32 that
 * sort by time.
 */
final class CallIds {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private CallIds() {
	}

	static String next() {
		char[] id = new char[26];
		long time = System.currentTimeMillis();
		for (int i = 9; i >= 0; i--) {
			id[i] = ALPHABET[(int) (time & 31)];
			time >>>= 5;
		}
		byte[] entropy = new byte[10];
		random.nextBytes(entropy);
		long high = 0;
		long low = 0;
		for (int i = 0; i < 5; i++) {
			high = (high << 8) | (entropy[i] & 0xFF);
			low = (low << 8) | (entropy[i + 5] & 0xFF);
		}
		for (int i = 17; i >= 10; i--) {
			id[i] = ALPHABET[(int) (high & 31)];
			high >>>= 5;
		}
		for (int i = 25; i >= 18; i--) {
			id[i] = ALPHABET[(int) (low & 31)];
			low >>>= 5;
		}
		return new String(id);
	}

}
