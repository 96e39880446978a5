package com.ticketbounty.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The machine's own headless Chromium ({@code /usr/bin/chromium}, Debian's) driven through its own
 * chromedriver (STACK.md): both paths are given, so Selenium Manager downloads nothing. Each
 * browser starts on a fresh profile under {@code target/}. Waits are on DOM conditions, never
 * sleeps.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SCREENSHOTS = RunCommand.REPOSITORY.resolve("system-tests/target/console");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final WebDriver driver;
  private final String base;

  private ConsoleBrowser(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A browser on the console of the gateway at {@code gateway}. */
  static ConsoleBrowser open(String gateway) throws IOException {
    Path profile =
        Files.createTempDirectory(
            Files.createDirectories(RunCommand.REPOSITORY.resolve("system-tests/target")),
            "chromium-profile-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    return new ConsoleBrowser(new ChromeDriver(service, options), gateway);
  }

  /** Opens a console page: {@code ""} (sign-in or runs) or a hash route such as {@code /runs}. */
  void page(String route) {
    driver.get(base + "/ops" + (route.isEmpty() ? "" : "#" + route));
  }

  void signIn(String email, String password) {
    page("");
    WebElement emailField = visible(By.id("email"));
    emailField.clear();
    emailField.sendKeys(email);
    WebElement passwordField = driver.findElement(By.id("password"));
    passwordField.clear();
    passwordField.sendKeys(password);
    driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
  }

  WebElement visible(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void click(By by) {
    until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  /** Waits until the element's text contains {@code text}, and returns that text. */
  String awaitText(By by, String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    return driver.findElement(by).getText();
  }

  void awaitGone(By by) {
    until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE).until(condition);
  }

  /** A screenshot of the window, saved as {@code target/console/<name>.png}. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
