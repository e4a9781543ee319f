package dev.cairn.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code cairn.mode} names an operation to run instead of the application; {@link Absent} when it does
 * not, which is when the application migrates at start as usual.
 */
class OnRunModeCondition extends SpringBootCondition {

    private final boolean present;

    OnRunModeCondition() {
        this(true);
    }

    private OnRunModeCondition(boolean present) {
        this.present = present;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String mode = context.getEnvironment().getProperty("cairn.mode");
        ConditionMessage.Builder message = ConditionMessage.forCondition("cairn.mode");
        boolean set = StringUtils.hasText(mode);
        ConditionMessage outcome = set ? message.found("run mode").items(mode)
                : message.didNotFind("run mode").atAll();
        return new ConditionOutcome(set == this.present, outcome);
    }

    /**
     * Matches when {@code cairn.mode} is not set.
     */
    static final class Absent extends OnRunModeCondition {

        Absent() {
            super(false);
        }

    }

}
