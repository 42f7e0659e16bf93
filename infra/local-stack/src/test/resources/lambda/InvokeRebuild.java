import dev.microblog.generator.RebuildHandler;
import java.util.Map;

/**
 * Run by LambdaPackagesTest with nothing but the shaded generator jar on the class path, the way
 * Lambda's Java runtime loads it: the rebuild function, invoked twice, as template.yaml names it.
 */
public class InvokeRebuild {
  public static void main(String[] args) {
    var handler = new RebuildHandler();
    System.out.println("first " + handler.handleRequest(Map.of(), null));
    System.out.println("second " + handler.handleRequest(Map.of(), null));
  }
}
