package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.performance.load.DecisionStall.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionStallTest {

    @Test
    void aStallRunsFromTheLastDecisionToTheNextWhileRequestsWait() {
        // three wait from 0; decisions at 100, 3,100 (3 s without one) and 3,150
        List<Request> requests = List.of(new Request(0, 100), new Request(10, 3_100), new Request(20, 3_150));

        assertThat(DecisionStall.longestMillis(requests)).isEqualTo(3_000);
    }

    @Test
    void timeWithNothingWaitingIsNoStall() {
        // the queue is empty from 50 to 10,000: no one waited for a decision then
        List<Request> requests = List.of(new Request(0, 50), new Request(10_000, 10_040));

        assertThat(DecisionStall.longestMillis(requests)).isEqualTo(50);
    }

    @Test
    void aRequestArrivingWhileOthersWaitDoesNotResetTheStall() {
        List<Request> requests = List.of(new Request(0, 6_000), new Request(4_000, 6_001));

        assertThat(DecisionStall.longestMillis(requests)).isEqualTo(6_000);
    }

    @Test
    void nothingDecidedOrNothingAtAllIsZero() {
        assertThat(DecisionStall.longestMillis(List.of())).isZero();
        assertThat(DecisionStall.longestMillis(List.of(new Request(5, 5)))).isZero();
    }

    @Test
    void aDecisionBeforeItsArrivalIsRefused() {
        assertThatThrownBy(() -> new Request(10, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}
