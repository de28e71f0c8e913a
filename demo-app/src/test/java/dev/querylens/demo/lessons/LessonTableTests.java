package dev.querylens.demo.lessons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's README.md (demo-app/README.md) has a table of lessons that shows exactly the
 * statement counts and findings the lesson tests assert.
 */
class LessonTableTests {

	@Test
	void theReadmeLessonTableMatchesTheExpectationsTheTestsAssert() throws Exception {
		List<String> readme = Files.readAllLines(Path.of("README.md"));
		int section = readme.indexOf("## The lessons");
		assertThat(section).as("demo-app/README.md has a '## The lessons' section").isNotNegative();
		int header = section + 1;
		while (!readme.get(header).startsWith("| lesson |")) {
			header++;
		}
		assertThat(readme.get(header)).isEqualTo("| lesson | variant | statements | findings |");
		List<String> rows = readme.subList(header + 2, readme.size())
			.stream()
			.takeWhile((line) -> line.startsWith("|"))
			.toList();
		assertThat(rows).containsExactlyElementsOf(LessonExpectations.readmeRows());
	}

}
