package wirewatch.classify;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import wirewatch.classify.cli.RulesCli;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ClassifyApplication {

    /** {@code rules ...} runs the rule authors' command line instead of the service, without Spring or Kafka. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(RulesCli.COMMAND)) {
            System.exit(RulesCli.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(ClassifyApplication.class, args);
    }
}
