package wirewatch.notify.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import wirewatch.notify.subscription.DigestSchedule.Period;

/**
 * Expected periods worked out by hand. Kyiv is UTC+3 in summer (EEST) and UTC+2 in winter (EET); in 2026 its
 * clocks jump from 03:00 to 04:00 on 29 March (01:00 UTC) and fall back from 04:00 to 03:00 on 25 October
 * (01:00 UTC).
 */
class DigestScheduleTests {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final DigestSchedule EIGHT_IN_KYIV = DigestSchedule.daily(8, KYIV);

    @Test
    void aDailyDigestCoversTheDayUpToItsHourOnTheSubscribersClockInSummer() {
        // 07:00 in Kyiv on 1 July: the digest of the day goes out at 08:00 EEST, 05:00 UTC
        assertThat(EIGHT_IN_KYIV.periodOf(Instant.parse("2026-07-01T04:00:00Z")))
                .isEqualTo(period("2026-06-30T05:00:00Z", "2026-07-01T05:00:00Z"));
    }

    @Test
    void aDailyDigestFollowsTheWallClockIntoWinterTime() {
        // 07:30 in Kyiv on 1 December: 08:00 EET is 06:00 UTC
        assertThat(EIGHT_IN_KYIV.periodOf(Instant.parse("2026-12-01T05:30:00Z")))
                .isEqualTo(period("2026-11-30T06:00:00Z", "2026-12-01T06:00:00Z"));
    }

    @Test
    void anAlertAtTheSendingTimeItselfGoesIntoTheNextDigest() {
        assertThat(EIGHT_IN_KYIV.periodOf(Instant.parse("2026-07-01T05:00:00Z")))
                .isEqualTo(period("2026-07-01T05:00:00Z", "2026-07-02T05:00:00Z"));
    }

    @Test
    void theDayClocksSpringForwardHas23Hours() {
        // 05:00 EEST on 29 March: since 08:00 EET on the 28th (06:00 UTC), until 08:00 EEST (05:00 UTC)
        assertThat(EIGHT_IN_KYIV.periodOf(Instant.parse("2026-03-29T02:00:00Z")))
                .isEqualTo(period("2026-03-28T06:00:00Z", "2026-03-29T05:00:00Z"));
    }

    @Test
    void theDayClocksFallBackHas25Hours() {
        // 05:00 EET on 25 October: since 08:00 EEST on the 24th (05:00 UTC), until 08:00 EET (06:00 UTC)
        assertThat(EIGHT_IN_KYIV.periodOf(Instant.parse("2026-10-25T03:00:00Z")))
                .isEqualTo(period("2026-10-24T05:00:00Z", "2026-10-25T06:00:00Z"));
    }

    @Test
    void anHourSkippedBySpringingForwardIsTakenAsTheFirstMomentAfterTheGap() {
        // 03:00 does not exist in Kyiv on 29 March; the digest goes at 04:00 EEST, 01:00 UTC, as on the day before
        var threeInKyiv = DigestSchedule.daily(3, KYIV);

        assertThat(threeInKyiv.periodOf(Instant.parse("2026-03-29T00:30:00Z")))
                .isEqualTo(period("2026-03-28T01:00:00Z", "2026-03-29T01:00:00Z"));
    }

    @Test
    void anHourRepeatedByFallingBackSendsOnlyAtItsFirstOccurrence() {
        // 03:00 happens twice in Kyiv on 25 October: 00:00 UTC (EEST) and 01:00 UTC (EET). The first sends; the
        // second 03:30 (01:30 UTC) already belongs to the digest of the 26th, 03:00 EET = 01:00 UTC.
        var threeInKyiv = DigestSchedule.daily(3, KYIV);

        assertThat(threeInKyiv.periodOf(Instant.parse("2026-10-24T23:30:00Z")))
                .isEqualTo(period("2026-10-24T00:00:00Z", "2026-10-25T00:00:00Z"));
        assertThat(threeInKyiv.periodOf(Instant.parse("2026-10-25T01:30:00Z")))
                .isEqualTo(period("2026-10-25T00:00:00Z", "2026-10-26T01:00:00Z"));
    }

    @Test
    void anHourlyDigestFollowsTheHoursOfItsZone() {
        assertThat(DigestSchedule.hourly(ZoneId.of("UTC")).periodOf(Instant.parse("2026-07-01T10:10:00Z")))
                .isEqualTo(period("2026-07-01T10:00:00Z", "2026-07-01T11:00:00Z"));
        // India is UTC+05:30: 15:40 there is in the digest of 15:00 to 16:00 local time
        assertThat(DigestSchedule.hourly(ZoneId.of("Asia/Kolkata")).periodOf(Instant.parse("2026-07-01T10:10:00Z")))
                .isEqualTo(period("2026-07-01T09:30:00Z", "2026-07-01T10:30:00Z"));
    }

    private static Period period(String start, String end) {
        return new Period(Instant.parse(start), Instant.parse(end));
    }
}
