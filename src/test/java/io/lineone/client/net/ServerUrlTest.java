package io.lineone.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerUrlTest {

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:54321,             http://127.0.0.1:54321",
            "127.0.0.1:54321,                    http://127.0.0.1:54321",
            "http://127.0.0.1:54321/,            http://127.0.0.1:54321",
            "http://127.0.0.1:54321/api/v1,      http://127.0.0.1:54321",
            "http://127.0.0.1:54321/api/v1/,     http://127.0.0.1:54321",
            "https://lineone.example.com/,       https://lineone.example.com",
            "https://lineone.example.com:443,    https://lineone.example.com",
            "HTTP://LineOne.Example.com:8080/x/, http://lineone.example.com:8080/x",
            "'  http://[::1]:7070  ',            http://[::1]:7070"
    })
    void normalisesWhatPeopleType(String typed, String expected) throws BackendException {
        assertThat(ServerUrl.normalize(typed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ftp://host", "http://exa mple"})
    void rejectsWhatIsNoServer(String typed) {
        assertThatThrownBy(() -> ServerUrl.normalize(typed)).isInstanceOfSatisfying(BackendException.class,
                e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.INVALID_URL));
    }
}
