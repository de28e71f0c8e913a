package com.example.jpashop;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Guides, as entities or as the titles a list shows.
 */
public interface GuideRepository extends JpaRepository<Guide, Long> {

	List<Guide> findAllByOrderByIdAsc();

	List<GuideTitle> findAllTitlesByOrderByIdAsc();

	/**
	 * The columns the list of guides shows.
	 */
	interface GuideTitle {

		Long getId();

		String getTitle();

	}

}
