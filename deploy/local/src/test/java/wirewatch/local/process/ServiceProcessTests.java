package wirewatch.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTests {

    @TempDir
    Path dir;

    private ServiceProcess process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.stop();
        }
    }

    @Test
    void startsWaitsUntilHealthyAndStopsLeavingNoProcess() {
        process = dummy("up").build();

        process.start().awaitReady();
        long pid = process.pid();

        assertThat(process.isAlive()).isTrue();
        assertThat(Files.exists(dir.resolve("port"))).isTrue();
        process.stop();
        assertThat(process.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void writesTheProcessOutputToItsLogFile() throws Exception {
        process = dummy("up").build();

        process.start().awaitReady();

        assertThat(Files.readString(dir.resolve("dummy.log"))).contains("dummy starting with up");
    }

    @Test
    void failsAtOnceNamingTheLogWhenTheProcessExitsEarly() {
        process = dummy("crash").startTimeout(Duration.ofMinutes(1)).build();
        process.start();

        assertThatThrownBy(process::awaitReady)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("dummy exited with code 3 before it was ready")
                .hasMessageContaining(dir.resolve("dummy.log").toAbsolutePath().toString())
                .hasMessageContaining("dummy: cannot start, configuration is broken");
    }

    @Test
    void givesUpAfterTheTimeoutAndStopsTheProcess() {
        process = dummy("never-ready").startTimeout(Duration.ofSeconds(3)).build();
        process.start();

        assertThatThrownBy(process::awaitReady)
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("dummy was not ready")
                .hasMessageContaining("within 3 s and was stopped");
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void restartsWithTheSameCommand() {
        process = dummy("up").build();
        process.start().awaitReady();
        long first = process.pid();

        process.restart();

        assertThat(process.pid()).isNotEqualTo(first);
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void passesPropertiesAsSpringStyleArguments() {
        ServiceProcess described = ServiceProcess.builder("svc")
                .java(Path.of("/opt/java/bin/java"))
                .jvmArg("-Xmx64m")
                .jar(Path.of("/srv/app.jar"))
                .property("server.port", "8081")
                .arg("--debug")
                .logFile(dir.resolve("svc.log"))
                .readiness(() -> true)
                .build();

        assertThat(described.command()).containsExactly("/opt/java/bin/java", "-Xmx64m", "-jar", "/srv/app.jar",
                "--server.port=8081", "--debug");
    }

    private ServiceProcess.Builder dummy(String mode) {
        Path portFile = dir.resolve("port");
        List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        return ServiceProcess.builder("dummy")
                .mainClass(DummyService.class.getName(), classPath)
                .args(List.of(mode, portFile.toString()))
                .logFile(dir.resolve("dummy.log"))
                .stopTimeout(Duration.ofSeconds(5))
                .readiness(() -> Files.exists(portFile) && !Files.readString(portFile).isBlank()
                        && ActuatorHealthCheck.onLocalPort(Integer.parseInt(Files.readString(portFile).trim()))
                        .isReady());
    }
}
