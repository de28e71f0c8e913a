package dev.querylens.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium per test class, against the application the class's
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} started, registered with
 * {@code @RegisterExtension static final Browser browser = new Browser();}. Debian's
 * Chromium driven by Selenium, as {@code shared/BROWSER-TESTS.md} shows: the system
 * driver, so Selenium Manager never downloads one. Without Chromium a test skips on a
 * developer's machine and fails in CI.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final HttpClient http = HttpClient.newHttpClient();

	private @Nullable WebDriver driver;

	private int port;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		this.driver = start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

	/**
	 * The browser, for what the methods here do not cover.
	 * @return the driver
	 */
	WebDriver driver() {
		if (this.driver == null) {
			throw new IllegalStateException("The browser runs only while the test class does");
		}
		return this.driver;
	}

	/**
	 * The application's URL for a path.
	 * @param path the path, e.g. {@code /orders/slow}
	 * @return its URL on the application's port
	 */
	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * Opens a page of the application.
	 * @param path its path
	 */
	void open(String path) {
		driver().get(url(path));
	}

	/**
	 * Opens a page of the application's own and clears the session and local storage, so
	 * the badge is where it starts and the panel closed.
	 */
	void forgetTheBadgesPlace() {
		open("/demo.css");
		js("sessionStorage.clear(); localStorage.clear();");
	}

	/**
	 * Runs a script in the page.
	 * @param <T> what it returns
	 * @param script the script's body
	 * @param arguments its {@code arguments}
	 * @return what it returns
	 */
	@SuppressWarnings("unchecked")
	<T> T js(String script, Object... arguments) {
		return (T) ((JavascriptExecutor) driver()).executeScript(script, arguments);
	}

	/**
	 * Runs a script in the page that calls its last argument when it is done.
	 * @param <T> what it passes
	 * @param script the script's body
	 * @return what it passes
	 */
	@SuppressWarnings("unchecked")
	<T> T jsAsync(String script) {
		return (T) ((JavascriptExecutor) driver()).executeAsyncScript(script);
	}

	/**
	 * Waits up to 15 seconds for a condition.
	 * @param <T> what it gives
	 * @param condition what gives a value (neither {@code null} nor {@code false}) when
	 * it holds
	 * @return that value
	 */
	<T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver(), Duration.ofSeconds(15)).until(condition);
	}

	/**
	 * Waits for an element and gives its shadow root.
	 * @param hostId the element's id
	 * @return its shadow root
	 */
	SearchContext shadowOf(String hostId) {
		return await((d) -> {
			List<WebElement> hosts = d.findElements(By.id(hostId));
			return hosts.isEmpty() ? null : hosts.get(0).getShadowRoot();
		});
	}

	/**
	 * Waits for the badge to show a text.
	 * @param text part of its text, e.g. {@code 11 q}
	 * @return the badge
	 */
	WebElement badgeWithText(String text) {
		SearchContext root = shadowOf("querylens-toolbar");
		return await((d) -> {
			List<WebElement> badges = root.findElements(By.cssSelector(".ql-badge"));
			return (!badges.isEmpty() && badges.get(0).isDisplayed() && badges.get(0).getText().contains(text))
					? badges.get(0) : null;
		});
	}

	/**
	 * Waits for the badge, opens the panel and waits for its summary.
	 * @return the toolbar's shadow root
	 */
	SearchContext openPanel() {
		badgeWithText(" q");
		SearchContext root = shadowOf("querylens-toolbar");
		root.findElement(By.cssSelector(".ql-open")).click();
		await((d) -> !root.findElements(By.cssSelector(".ql-panel .ql-summary")).isEmpty()
				&& root.findElement(By.cssSelector(".ql-panel")).isDisplayed());
		return root;
	}

	/**
	 * Saves what the browser shows under {@code target/screenshots/}.
	 * @param name the file's name, without {@code .png}
	 */
	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			File file = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends a request to the application outside the browser.
	 * @param request the request, its URI from {@link #uri}
	 * @return the response
	 * @throws IOException when the exchange fails
	 * @throws InterruptedException when interrupted
	 */
	HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * GETs a path of the application outside the browser.
	 * @param path the path
	 * @return the response
	 * @throws IOException when the exchange fails
	 * @throws InterruptedException when interrupted
	 */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).build());
	}

	/**
	 * The application's URI for a path.
	 * @param path the path
	 * @return its URI
	 */
	URI uri(String path) {
		return URI.create(url(path));
	}

	private static WebDriver start() {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("CI must run the browser tests, but " + CHROMIUM + " or " + CHROMEDRIVER
						+ " is missing: .ci/run installs the chromium and chromium-driver packages");
			}
			Assumptions.abort("Chromium is not installed (apt-get install chromium chromium-driver)");
		}
		try {
			Path profile = Files.createTempDirectory("chrome-profile-");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toString());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1280,900", "--user-data-dir=" + profile);
			return new ChromeDriver(service, options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
