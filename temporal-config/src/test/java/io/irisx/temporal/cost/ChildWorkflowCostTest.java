package io.irisx.temporal.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A parent and its child, run on the Temporal test server: the child's start is billed once, so the
 * costs of both histories add up to what Temporal Cloud counts for the pair.
 */
class ChildWorkflowCostTest {
  private static final String QUEUE = "history-cost-child";

  @WorkflowInterface
  public interface Parent {
    @WorkflowMethod
    String run();
  }

  @WorkflowInterface
  public interface Child {
    @WorkflowMethod
    String run();
  }

  public static final class ParentImpl implements Parent {
    @Override
    public String run() {
      Child child =
          Workflow.newChildWorkflowStub(
              Child.class, ChildWorkflowOptions.newBuilder().setWorkflowId("cost-child").build());
      return "parent of " + child.run();
    }
  }

  public static final class ChildImpl implements Child {
    @Override
    public String run() {
      return "child";
    }
  }

  private TestWorkflowEnvironment environment;

  @BeforeEach
  void start() {
    environment = TestWorkflowEnvironment.newInstance();
    Worker worker = environment.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(ParentImpl.class, ChildImpl.class);
    environment.start();
  }

  @AfterEach
  void stop() {
    environment.close();
  }

  @Test
  void aChildsStartIsBilledInItsParentOnly() {
    WorkflowClient client = environment.getWorkflowClient();
    Parent parent =
        client.newWorkflowStub(
            Parent.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("cost-parent").build());
    assertThat(parent.run()).isEqualTo("parent of child");

    HistoryCost parentCost = HistoryCost.of(client.fetchHistory("cost-parent").getEvents());
    HistoryCost childCost = HistoryCost.of(client.fetchHistory("cost-child").getEvents());

    assertThat(parentCost.childWorkflows()).isEqualTo(1);
    // its own start by the client, and the child's start
    assertThat(parentCost.billableActions()).isEqualTo(2);
    assertThat(childCost.workflowTasks()).isEqualTo(1);
    assertThat(childCost.billableActions()).isZero();
    assertThat(parentCost.plus(childCost).billableActions()).isEqualTo(2);
  }
}
