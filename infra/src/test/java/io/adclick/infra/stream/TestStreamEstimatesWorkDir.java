package io.adclick.infra.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStreamEstimatesWorkDir {
    @TempDir
    Path state;

    @Test
    void aStartEmptiesWhatAKilledJobLeftInItsWorkingDirectory() throws IOException {
        Path work = state.resolve("flink/work");
        Path leftOver = work.resolve("minicluster_0a1b/tm_0/tmp/job_x/db/000462.sst");
        Files.createDirectories(leftOver.getParent());
        Files.writeString(leftOver, "rocksdb");

        StreamEstimates.emptyWorkDir(work);

        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aFirstStartCreatesIt() {
        Path work = state.resolve("flink/work");

        StreamEstimates.emptyWorkDir(work);

        assertThat(work).isEmptyDirectory();
    }
}
