package dev.microblog.gateway;

/**
 * A JVM for {@link LocalDynamoLifecycleTest} to kill: starts a LocalDynamo, prints the process ids
 * below it, and waits to be killed.
 */
public final class LocalDynamoMain {
  private LocalDynamoMain() {}

  public static void main(String[] args) throws Exception {
    LocalDynamo local = LocalDynamo.start(TestSupport.NODE_MODULES, null, 0);
    StringBuilder pids = new StringBuilder("pids");
    local.dynalite().processes().forEach(p -> pids.append(' ').append(p.pid()));
    System.out.println(pids);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
