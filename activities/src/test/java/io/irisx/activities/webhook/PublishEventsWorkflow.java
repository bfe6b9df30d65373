package io.irisx.activities.webhook;

import io.irisx.workflows.webhook.CallEventRecord;
import io.irisx.workflows.webhook.PublishedEvent;
import io.irisx.workflows.webhook.WebhookPublishing;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/** Publishes events one after another, as the call workflow does: the contract under test. */
@WorkflowInterface
public interface PublishEventsWorkflow {
  @WorkflowMethod
  List<PublishedEvent> publish(List<CallEventRecord> events);

  final class Impl implements PublishEventsWorkflow {
    private final WebhookPublishing webhooks = Workflow.newActivityStub(WebhookPublishing.class);

    @Override
    public List<PublishedEvent> publish(List<CallEventRecord> events) {
      List<PublishedEvent> published = new ArrayList<>();
      for (CallEventRecord event : events) {
        published.add(webhooks.publish(event));
      }
      return published;
    }
  }
}
