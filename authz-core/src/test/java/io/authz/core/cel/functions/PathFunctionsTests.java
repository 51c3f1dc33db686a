package io.authz.core.cel.functions;

import org.junit.jupiter.api.Test;

import static io.authz.core.cel.functions.CelTester.cel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PathFunctionsTests {

	@Test
	void unixPaths() {
		cel().holds("basePath('/srv/files/report.pdf') == 'report.pdf'", "basePath('/srv/files/') == 'files'",
				"basePath('/') == '/'", "dirPath('/srv/files/report.pdf') == '/srv/files'", "dirPath('report') == '.'",
				"dirPath('/srv//files/../x') == '/srv'", "extPath('/srv/a.tar.gz') == '.gz'",
				"extPath('/srv.d/a') == ''",
				"joinPath(['/srv', 'files', '..', 'x.txt']) == '/srv/x.txt'", "joinPath(['a', '', 'b']) == 'a/b'",
				"joinPath(['only//one']) == 'only//one'", "joinPath([]) == ''",
				"relPath('/srv/a', '/srv/b/c') == '../b/c'", "relPath('a', 'a/b') == 'b'", "volumeName('/srv') == ''");
	}

	@Test
	void windowsPaths() {
		cel().holds("basePath('C:\\\\Users\\\\me\\\\file.txt') == 'file.txt'",
				"dirPath('C:\\\\Users\\\\me\\\\file.txt') == 'C:\\\\Users\\\\me'", "dirPath('C:\\\\') == 'C:\\\\'",
				"dirPath('\\\\\\\\host\\\\share\\\\a\\\\b') == '\\\\\\\\host\\\\share\\\\a'",
				"dirPath('\\\\\\\\host\\\\share') == '\\\\\\\\host\\\\share'",
				"dirPath('docs\\\\a.txt') == 'docs'", "joinPath(['C:', 'Users', 'me']) == 'C:\\\\Users\\\\me'",
				"joinPath(['\\\\\\\\host', 'share', 'a']) == '\\\\\\\\host\\\\share\\\\a'",
				"relPath('C:\\\\a\\\\b', 'C:\\\\a\\\\c\\\\d') == '..\\\\c\\\\d'",
				"volumeName('C:\\\\Users') == 'C:'",
				"volumeName('\\\\\\\\host\\\\share\\\\x') == '\\\\\\\\host\\\\share'",
				"volumeName('\\\\\\\\host') == ''");
		cel().fails("dirPath('C:dir')", "unsupported Win32 path");
		cel().fails("dirPath('file\\\\')", "no directory");
	}

	@Test
	void prefixes() {
		cel().holds("pathHasPrefix('/srv/files/a', '/srv/files')", "'/srv/files/a'.pathHasPrefix('/srv')",
				"pathHasPrefix('/srv', '/srv')", "!pathHasPrefix('/srv/filesystem', '/srv/files')",
				"!pathHasPrefix('/srv', '/srv/files')",
				"pathHasPrefix('C:\\\\a\\\\b', 'C:\\\\a')", "!pathHasPrefix('C:\\\\ab', 'C:\\\\a')");
		cel().fails("pathHasPrefix('/srv', 'srv')", "relative");
		cel().fails("pathHasPrefix('srv/a', '/srv')", "relative");
	}

	@Test
	void globs() {
		cel().holds("pathMatch('/srv/a.zip', '/srv/*.zip')", "!pathMatch('/srv/x/a.zip', '/srv/*.zip')",
				"'/srv/a.zip'.pathMatch('/srv/?.zip')", "pathMatch('/srv/b1', '/srv/[a-c][0-9]')",
				"!pathMatch('/srv/d1', '/srv/[a-c][0-9]')", "pathMatch('/srv/d1', '/srv/[^a-c]1')",
				"pathMatch('/srv/a', '/srv/*')", "!pathMatch('/srv/a/b', '/srv/*')",
				"pathMatchAnyOf('/srv/a.txt', ['/srv/*.zip', '/srv/*.txt'])",
				"!'/srv/a.txt'.pathMatchAnyOf(['/srv/*.zip'])", "!pathMatchAnyOf('/srv/a.txt', [])",
				"pathMatch('C:\\\\srv\\\\a.zip', 'C:\\\\srv\\\\*.zip')");
		cel().fails("pathMatch('/srv/a', '/srv/[a')", "syntax error in pattern");
		cel().fails("pathMatch('/srv/a', '/srv/[]')", "syntax error in pattern");
	}

	@Test
	void goPathRules() {
		assertThat(GoPath.clean("")).isEqualTo(".");
		assertThat(GoPath.clean("a/../..")).isEqualTo("..");
		assertThat(GoPath.clean("/../a")).isEqualTo("/a");
		assertThat(GoPath.clean("./a//b/./c/")).isEqualTo("a/b/c");
		assertThat(GoPath.rel("/a/b", "/a/b")).isEqualTo(".");
		assertThat(GoPath.rel("/a/b/c", "/a")).isEqualTo("../..");
		assertThat(GoPath.rel(".", "a/b")).isEqualTo("a/b");
		assertThatIllegalArgumentException().isThrownBy(() -> GoPath.rel("../a", "b"));
		assertThat(GoPath.match("a\\*b", "a*b")).isTrue();
		assertThat(GoPath.match("a\\*b", "axb")).isFalse();
		assertThat(GoPath.match("*", "")).isTrue();
		assertThat(GoPath.match("a*b*c", "abxbc")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> GoPath.match("a\\", "a"));
		assertThatIllegalArgumentException().isThrownBy(() -> GoPath.match("x[", "y"));
	}

}
