import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import java.util.List;
import java.util.Map;

/**
 * Run by LambdaPackagesTest with nothing but the shaded functions jar on the class path, the way
 * Lambda's Java runtime loads it: one sign-up request through the API Gateway proxy handler.
 */
public class InvokeFunctions {
  public static void main(String[] args) {
    long start = System.nanoTime();
    var handler = new ApiGatewayProxyRequestEventFunction();
    var body = "username=" + args[0] + "&email=" + args[0] + "%40example.org&password=password123";
    var headers = Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html");
    var request =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod("POST")
            .withPath("/api/signup")
            .withHeaders(headers)
            .withMultiValueHeaders(
                Map.of(
                    "Content-Type", List.of(headers.get("Content-Type")),
                    "Accept", List.of("text/html")))
            .withBody(body);
    var response = handler.handleRequest(request, null);
    System.out.println("status=" + response.getStatusCode());
    System.out.println("location=" + response.getMultiValueHeaders().get("Location"));
    System.out.println("cookies=" + response.getMultiValueHeaders().get("Set-Cookie").size());
    System.out.println("cold_ms=" + (System.nanoTime() - start) / 1_000_000);
  }
}
