package io.authz.core.cel.functions;

import java.util.List;

/**
 * Path functions that understand UNIX paths, Windows drive paths ({@code C:\dir}) and UNC paths
 * ({@code \\host\share\dir}), as Cerbos' {@code crosspath} package: Windows paths are encoded as slash-separated
 * paths, handled with Go's {@code path/filepath} rules, and decoded back to backslashes.
 */
final class CrossPath {

	private CrossPath() {
	}

	private enum Kind {

		UNKNOWN, DRIVE, UNC

	}

	private record Encoded(String value, Kind kind, boolean win32, boolean root) {

		Encoded withValue(String value) {
			return new Encoded(value, this.kind, this.win32, this.root);
		}

	}

	/**
	 * @throws IllegalArgumentException for drive-relative Windows paths such as {@code D:dir}
	 */
	private static Encoded encode(String path) {
		boolean win32 = path.contains("\\");
		Kind kind;
		String value;
		boolean root = false;
		if (isUnc(path)) {
			kind = Kind.UNC;
			value = toSlash(path);
			// `\\host\share` is a root
			root = GoStrings.split(path.substring(2), "\\").size() == 2;
		}
		else if (isDrive(path)) {
			if (!win32 && path.length() > 2) {
				throw new IllegalArgumentException("unsupported Win32 path");
			}
			kind = Kind.DRIVE;
			value = toSlash("\\" + path);
			root = path.length() == 2 || path.length() == 3;
		}
		else {
			kind = Kind.UNKNOWN;
			value = win32 ? toSlash(path) : path;
			root = !win32 && value.equals("/");
		}
		return new Encoded(GoPath.clean(value), kind, win32, root);
	}

	private static String decode(Encoded encoded) {
		return switch (encoded.kind) {
			case UNC -> "\\" + toBackslash(encoded.value);
			case DRIVE -> trimLeadingBackslash(toBackslash(encoded.value));
			default -> encoded.win32 ? toBackslash(encoded.value) : encoded.value;
		};
	}

	static String base(String path) {
		return GoPath.base(encode(path).value);
	}

	static String dir(String path) {
		Encoded encoded = encode(path);
		switch (encoded.kind) {
			case UNC:
				if (encoded.root) {
					return decode(encoded);
				}
				return decode(encoded.withValue(encoded.value.substring(0, encoded.value.lastIndexOf('/'))));
			case DRIVE:
				if (encoded.root) {
					return decode(encoded) + "\\";
				}
				return decode(encoded.withValue(encoded.value.substring(0, encoded.value.lastIndexOf('/'))));
			default:
				if (encoded.win32) {
					int slash = encoded.value.lastIndexOf('/');
					// Go slices value[:-1] here and panics; report it as an error instead.
					if (slash < 0) {
						throw new IllegalArgumentException("no directory in path " + path);
					}
					return decode(encoded.withValue(encoded.value.substring(0, slash)));
				}
				return decode(encoded.withValue(GoPath.dir(encoded.value)));
		}
	}

	static String ext(String path) {
		return GoPath.ext(encode(path).value);
	}

	static String join(List<String> paths) {
		if (paths.isEmpty()) {
			return "";
		}
		if (paths.size() == 1) {
			return paths.get(0);
		}
		Encoded result = encode(paths.get(0));
		String value = result.value;
		for (int i = 1; i < paths.size(); i++) {
			value = GoPath.join(value, encode(paths.get(i)).value);
		}
		return decode(result.withValue(value));
	}

	static boolean match(String path, String pattern) {
		return GoPath.match(encode(pattern).value, encode(path).value);
	}

	static String rel(String basePath, String targetPath) {
		Encoded base = encode(basePath);
		Encoded target = encode(targetPath);
		String relative = GoPath.rel(base.value, target.value);
		if (relative.equals(".") || relative.equals("..")) {
			return relative;
		}
		if (target.kind == Kind.UNC && !relative.startsWith("\\")) {
			return toBackslash(relative);
		}
		return decode(target.withValue(relative));
	}

	/** The volume of a Windows path ({@code C:} or {@code \\host\share}), empty otherwise. */
	static String volumeName(String path) {
		if (isUnc(path)) {
			List<String> parts = GoStrings.split(path.substring(2), "\\");
			if (parts.size() > 1 && !parts.get(0).isEmpty() && !parts.get(1).isEmpty()) {
				return "\\\\" + parts.get(0) + "\\" + parts.get(1);
			}
			return "";
		}
		if (isDrive(path)) {
			return path.substring(0, 2);
		}
		return "";
	}

	private static boolean isUnc(String path) {
		return path.startsWith("\\\\");
	}

	private static boolean isDrive(String path) {
		if (path.length() < 2 || path.charAt(1) != ':') {
			return false;
		}
		char letter = path.charAt(0);
		return (letter >= 'a' && letter <= 'z') || (letter >= 'A' && letter <= 'Z');
	}

	private static String toSlash(String path) {
		return path.replace('\\', '/');
	}

	private static String toBackslash(String path) {
		return path.replace('/', '\\');
	}

	private static String trimLeadingBackslash(String path) {
		return path.startsWith("\\") ? path.substring(1) : path;
	}

}
