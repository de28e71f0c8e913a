package com.example.corpus;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The {@link Book}s.
 */
public interface BookRepository extends JpaRepository<Book, Long> {

	List<Book> findAllByOrderByIdAsc();

	@Query("select b from Book b join fetch b.author order by b.id")
	List<Book> findAllWithAuthors();

	@Query("select b from Book b join fetch b.author where b.id = :id")
	Optional<Book> findWithAuthorById(@Param("id") Long id);

	@Modifying
	@Query("update Book b set b.stock = b.stock + 1 where b.id = :id")
	int restock(@Param("id") Long id);

}
