package wirewatch.local.process;

/**
 * Java agent loaded into every child JVM with the launcher's pid as its argument: when the launcher is gone (even
 * killed with -9, when no shutdown hook runs) the child exits through {@link System#exit}, so its own shutdown hooks
 * still close Kafka segments and Spring contexts cleanly. It is packaged alone in
 * {@code wirewatch-local-parent-watch.jar} and must use nothing but the JDK.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void premain(String launcherPid) {
        ProcessHandle.of(Long.parseLong(launcherPid.trim())).ifPresentOrElse(launcher -> {
            Thread watch = new Thread(() -> {
                launcher.onExit().join();
                System.err.println("[wirewatch] launcher " + launcherPid.trim() + " is gone; shutting down");
                System.exit(143);
            }, "wirewatch-parent-watch");
            watch.setDaemon(true);
            watch.start();
        }, () -> {
            System.err.println("[wirewatch] launcher " + launcherPid.trim() + " is already gone; not starting");
            System.exit(143);
        });
    }
}
