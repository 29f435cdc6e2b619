package wirewatch.notify.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a digest subscription's digests go out: at the top of every hour, or daily at {@code hour}:00, both on the
 * wall clock of {@code timeZone}. Daylight saving time moves a daily digest with the wall clock: at 08:00 Kyiv time
 * is 06:00 UTC in summer and 07:00 in winter.
 *
 * @param hour 0..23 for daily digests, {@code null} for hourly ones
 */
public record DigestSchedule(Frequency frequency, Integer hour, ZoneId timeZone) {

    public enum Frequency {
        HOURLY, DAILY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Frequency> fromId(String id) {
            return Arrays.stream(values()).filter(frequency -> frequency.id().equals(id)).findFirst();
        }
    }

    /** One digest's stretch of time: alerts routed at or after {@code start} and before {@code end}. */
    public record Period(Instant start, Instant end) {
    }

    public DigestSchedule {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(timeZone, "timeZone");
        if ((frequency == Frequency.DAILY) != (hour != null) || (hour != null && (hour < 0 || hour > 23))) {
            throw new IllegalArgumentException("a daily digest needs an hour 0..23, an hourly one none: "
                    + frequency + " at " + hour);
        }
    }

    public static DigestSchedule hourly(ZoneId timeZone) {
        return new DigestSchedule(Frequency.HOURLY, null, timeZone);
    }

    public static DigestSchedule daily(int hour, ZoneId timeZone) {
        return new DigestSchedule(Frequency.DAILY, hour, timeZone);
    }

    /**
     * The period {@code now} falls in; its digest is due at its end. A daily hour that a spring-forward gap skips
     * (02:00 where clocks jump from 02:00 to 03:00) is taken as the first moment after the gap, and an hour that
     * a fall-back overlap repeats counts once, at its first occurrence, so every day has exactly one digest.
     */
    public Period periodOf(Instant now) {
        return switch (frequency) {
            case HOURLY -> {
                var start = now.atZone(timeZone).truncatedTo(ChronoUnit.HOURS).toInstant();
                yield new Period(start, start.plus(Duration.ofHours(1)));
            }
            case DAILY -> {
                var today = now.atZone(timeZone).toLocalDate();
                var endDate = sendingTime(today).isAfter(now) ? today : today.plusDays(1);
                yield new Period(sendingTime(endDate.minusDays(1)), sendingTime(endDate));
            }
        };
    }

    private Instant sendingTime(LocalDate date) {
        return ZonedDateTime.of(date, LocalTime.of(hour, 0), timeZone).toInstant();
    }
}
