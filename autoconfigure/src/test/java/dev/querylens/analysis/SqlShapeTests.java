package dev.querylens.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqlShape}.
 */
class SqlShapeTests {

	@Test
	void limitsAreFoundOnlyAtTheTopLevel() {
		assertThat(SqlShape.isLimited("select id from t limit ?")).isTrue();
		assertThat(SqlShape.isLimited("select id from t order by id fetch first ? rows only")).isTrue();
		assertThat(SqlShape.isLimited("select id from t order by id fetch next ? rows only")).isTrue();
		assertThat(SqlShape.isLimited("select id from t offset ? rows")).isTrue();
		assertThat(SqlShape.isLimited("select top ? id from t")).isTrue();
		assertThat(SqlShape.isLimited("select id from t where id in (select id from u limit ?)")).isFalse();
		assertThat(SqlShape.isLimited("select limit_value from t")).isFalse();
		assertThat(SqlShape.isLimited("select id from t where fetch = ?")).isFalse();
	}

	@Test
	void writtenTablesAreReadFromInsertUpdateAndDelete() {
		assertThat(SqlShape.writtenTable("insert into order_item (id) values (?)")).isEqualTo("order_item");
		assertThat(SqlShape.writtenTable("insert into public.\"Orders\"(id) values (?)")).isEqualTo("orders");
		assertThat(SqlShape.writtenTable("update `product` set stock=? where id=?")).isEqualTo("product");
		assertThat(SqlShape.writtenTable("delete from customer where id=?")).isEqualTo("customer");
		assertThat(SqlShape.writtenTable("select * from customer")).isNull();
		assertThat(SqlShape.writtenTable("set search_path to ?")).isNull();
		assertThat(SqlShape.writtenTable("with x as (delete from t returning id) select * from x")).isNull();
	}

}
